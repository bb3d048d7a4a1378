using SupportQueue.Grains.Simulation;
using SupportQueue.LoadTests.Cli;
using SupportQueue.LoadTests.Thresholds;

// grain-sim [tickets] [agents]: grain-mode simulation throughput on M/M/c (see GrainSimulationBenchmark).
if (args is ["grain-sim", ..])
{
    var tickets = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20_000;
    var agents = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 50;
    var result = await GrainSimulationBenchmark.RunAsync(GrainSimulationBenchmark.MMc(agents: agents, tickets: tickets));
    Console.WriteLine(result);
    return result.OutcomesMatch == false ? 1 : 0;
}

// pg-bench [rates] [seconds] [connection string]: live routing on PostgreSQL (see PostgresBenchmark).
if (args is ["pg-bench", ..])
{
    return await SupportQueue.LoadTests.Postgres.PostgresBenchmark.RunAsync(args[1..]);
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
    await Console.Error.WriteLineAsync("  grain-sim [tickets] [agents]          grain-mode simulation throughput");
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
