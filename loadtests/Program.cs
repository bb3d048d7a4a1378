using SupportQueue.LoadTests.Cli;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // First Ctrl+C ends the run early and still writes the reports; a second one kills the process.
    e.Cancel = !cancel.IsCancellationRequested;
    cancel.Cancel();
};

// The silos this process hosts get the silo's GC settings (workstation GC, short pauses).
SupportQueue.Hosting.GcLatency.PreferShortPauses();
return await LoadTestsCli.RunAsync(args, LoadConsoles.System(), cancel.Token);
