using SupportQueue.LoadTests.Benchmarks;
using SupportQueue.LoadTests.Cli;
using SupportQueue.LoadTests.Thresholds;

// Benchmarks (see BenchmarkCommands): fast mode, grain mode, Orleans' own cost per call.
switch (args)
{
    case ["simulate-bench", .. var rest]:
        return await BenchmarkCommands.SimulateBenchAsync(rest, Spectre.Console.AnsiConsole.Console, CancellationToken.None);
    case ["grain-sim", .. var rest]:
        return await BenchmarkCommands.GrainSimAsync(rest, Console.Out);
    case ["capacity-probe", .. var rest]:
        return await BenchmarkCommands.CapacityProbeAsync(rest, Console.Out);
}

// pg-bench [rates] [seconds] [connection string]: live routing on PostgreSQL (see PostgresBenchmark).
if (args is ["pg-bench", ..])
{
    return await SupportQueue.LoadTests.Postgres.PostgresBenchmark.RunAsync(args[1..]);
}

if (args is [] or ["--help" or "-h" or "help"] or [_, "--help" or "-h"])
{
    // --help is an answer, not an error: the usage on stdout, exit 0 (as the client does).
    Console.WriteLine(CliOptions.Usage);
    Console.WriteLine(BenchmarkCommands.Usage);
    Console.WriteLine("  pg-bench [rates] [seconds] [connstr]  live routing on PostgreSQL");
    return args is [] ? 2 : 0;
}

CliOptions options;
try
{
    options = CliOptions.Parse(args);
}
catch (UsageException ex)
{
    await Console.Error.WriteLineAsync(ex.Message);
    await Console.Error.WriteLineAsync(CliOptions.Usage);
    await Console.Error.WriteLineAsync(BenchmarkCommands.Usage);
    await Console.Error.WriteLineAsync("  pg-bench [rates] [seconds] [connstr]  live routing on PostgreSQL");
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
catch (ClusterUnreachableException ex)
{
    await Console.Error.WriteLineAsync(ex.Message);
    return 3;
}
catch (UsageException ex)
{
    await Console.Error.WriteLineAsync(ex.Message);
    return 2;
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
