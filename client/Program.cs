using SupportQueue.Client.Cli;
using SupportQueue.Client.Connection;

using var cancel = new CancellationTokenSource();
using var finished = new ManualResetEventSlim();
Console.CancelKeyPress += (_, e) =>
{
    // First Ctrl+C asks the command to stop; a second one kills the process as usual.
    if (!cancel.IsCancellationRequested)
    {
        e.Cancel = true;

        // Ctrl+C ends the process within 2 s whatever the command is waiting on. A thread of its
        // own, started before the cancellation runs its callbacks: on a busy machine the pool's
        // threads may all be computing.
        new Thread(() =>
        {
            if (!finished.Wait(TimeSpan.FromMilliseconds(1500)))
            {
                Console.Error.WriteLine("error: cancelled (stopped without waiting for the command)");
                Environment.Exit(ExitCodes.Cancelled);
            }
        })
        { IsBackground = true, Name = "ctrl-c watchdog" }.Start();
        cancel.Cancel();
    }
};

var connector = new ClusterConnector(ClusterOptionsResolver.LoadConfiguration());
var exit = await SupportQueueCli.RunAsync(args, CliConsoles.System(), connector, cancel.Token);
finished.Set();
return exit;
