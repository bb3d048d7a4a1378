using SupportQueue.Client.Cli;
using SupportQueue.Client.Connection;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // First Ctrl+C asks the command to stop; a second one kills the process as usual.
    if (!cancel.IsCancellationRequested)
    {
        e.Cancel = true;
        cancel.Cancel();
    }
};

var connector = new ClusterConnector(ClusterOptionsResolver.LoadConfiguration());
return await SupportQueueCli.RunAsync(args, CliConsoles.System(), connector, cancel.Token);
