using System.Globalization;
using Spectre.Console;
using SupportQueue.Grains.Simulation;

namespace SupportQueue.LoadTests.Benchmarks;

/// <summary>
/// The benchmark commands: <c>simulate-bench</c> (fast mode), <c>grain-sim</c> (grain mode) and
/// <c>capacity-probe</c> (Orleans' own cost per call and per activation). Benchmarks, not tests:
/// they print what they measured and assert nothing about speed.
/// </summary>
public static class BenchmarkCommands
{
    /// <summary>Fast-mode customers per second on M/M/50, in this process on one thread; no cluster involved.</summary>
    public static async Task<int> SimulateBenchAsync(int customers, int runs, int warmups, IAnsiConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        var scenario = SimulationBenchmark.Scenario(customers);
        console.MarkupLine(
            $"M/M/{SimulationBenchmark.Agents} fast mode: λ = {SimulationBenchmark.ArrivalsPerMinute}/min, μ = {1 / SimulationBenchmark.AhtMinutes}/min, " +
            $"~{customers.ToString("N0", CultureInfo.InvariantCulture)} customers per run, one replication on one thread; " +
            $"{warmups} warm-up + {runs} timed run(s). {Environment.ProcessorCount} cores{LoadAverage()}.");

        // Warm-up runs are shorter: they only need to get the code compiled and hot.
        var warmupScenario = SimulationBenchmark.Scenario(Math.Min(customers, 200_000));
        for (var w = 0; w < warmups; w++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Run(() => SimulationBenchmark.Run(warmupScenario, 1000 + w), cancellationToken).ConfigureAwait(false);
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumn("Run").AddColumn("Customers", c => c.RightAligned())
            .AddColumn("Events", c => c.RightAligned()).AddColumn("Seconds", c => c.RightAligned())
            .AddColumn("Customers/s", c => c.RightAligned()).AddColumn("Events/s", c => c.RightAligned());
        var rates = new List<double>();
        for (var r = 0; r < runs; r++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var replication = r;
            var run = await Task.Run(() => SimulationBenchmark.Run(scenario, replication), cancellationToken).ConfigureAwait(false);
            rates.Add(run.CustomersPerSecond);
            table.AddRow(
                (r + 1).ToString(CultureInfo.InvariantCulture), run.Customers.ToString("N0", CultureInfo.InvariantCulture),
                run.Events.ToString("N0", CultureInfo.InvariantCulture), run.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture),
                run.CustomersPerSecond.ToString("N0", CultureInfo.InvariantCulture), run.EventsPerSecond.ToString("N0", CultureInfo.InvariantCulture));
        }

        console.Write(table);
        console.MarkupLine($"[bold]Median: {SimulationBenchmark.Median(rates).ToString("N0", CultureInfo.InvariantCulture)} customers/s[/]");

        // The code's speed shows best in the fastest run; the spread says how much else the machine did.
        var spread = SimulationBenchmark.Spread(rates);
        console.MarkupLine(
            $"Best: {rates.Max().ToString("N0", CultureInfo.InvariantCulture)} customers/s; spread between runs {spread.ToString("P0", CultureInfo.InvariantCulture)}" +
            (spread > SimulationBenchmark.QuietSpread ? " (more than a quiet machine gives: other work slowed some runs)" : ""));
        return 0;
    }

    /// <summary>Grain-mode throughput on M/M/c, checked against fast mode ticket by ticket; 1 when the outcomes differ.</summary>
    public static async Task<int> GrainSimAsync(int tickets, int agents, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var result = await GrainSimulationBenchmark.RunAsync(GrainSimulationBenchmark.MMc(agents: agents, tickets: tickets)).ConfigureAwait(false);
        await output.WriteLineAsync(result.ToString()).ConfigureAwait(false);
        return result.OutcomesMatch == false ? 1 : 0;
    }

    /// <summary>Orleans' own CPU cost per call and per activation, on a silo set up as grain mode's is.</summary>
    public static async Task<int> CapacityProbeAsync(int calls, int activations, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        await using var silo = await SimulationSilo.StartAsync(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero)).ConfigureAwait(false);
        var result = await CapacityProbeResult.MeasureAsync(silo.Grains, calls, activations).ConfigureAwait(false);
        await output.WriteLineAsync(result.ToString()).ConfigureAwait(false);
        return 0;
    }

    /// <summary>The 1-minute load average where the OS tells it: a benchmark on a busy machine should say so.</summary>
    private static string LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? $", load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}" : "";
        }
        catch (IOException)
        {
            return "";
        }
    }
}
