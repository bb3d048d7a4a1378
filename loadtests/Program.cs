using SupportQueue.LoadTests.Cli;
using SupportQueue.LoadTests.Thresholds;

CliOptions options;
try
{
    options = CliOptions.Parse(args);
}
catch (UsageException ex)
{
    await Console.Error.WriteLineAsync(ex.Message);
    await Console.Error.WriteLineAsync(CliOptions.Usage);
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // First Ctrl+C ends the run early and still writes the reports; a second one kills the process.
    e.Cancel = !cancel.IsCancellationRequested;
    cancel.Cancel();
};

try
{
    return await LoadCommands.ExecuteAsync(options, Console.Out, cancel.Token);
}
catch (ThresholdFormatException ex)
{
    await Console.Error.WriteLineAsync($"--threshold: {ex.Message}");
    return 2;
}
catch (ArgumentException ex) when (options.ProfilePath is not null)
{
    await Console.Error.WriteLineAsync($"--profile: {ex.Message}");
    return 2;
}
