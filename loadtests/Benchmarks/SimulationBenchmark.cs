using System.Diagnostics;
using SupportQueue.Core.Simulation;

namespace SupportQueue.LoadTests.Benchmarks;

/// <summary>
/// Fast-mode throughput on a plain M/M/N queue: one replication on the calling thread, no
/// cluster, so the figure is the engine's and the event loop's cost per customer.
/// </summary>
public static class SimulationBenchmark
{
    public const int Agents = 50;
    public const double ArrivalsPerMinute = 45;
    public const double AhtMinutes = 1;

    /// <summary>M/M/50 with λ = 45/min and μ = 1/min (ρ = 0.9), long enough for about <paramref name="customers"/> arrivals.</summary>
    public static Scenario Scenario(long customers) =>
        GrainSimulationBenchmark.MMc(Agents, AhtMinutes, ArrivalsPerMinute * AhtMinutes / Agents, checked((int)customers), 20261127) with
        {
            Name = "bench-mm50",
            ServiceLevel = new ServiceLevelSpec(TimeSpan.FromSeconds(20)),
        };

    /// <summary>Runs replication <paramref name="replication"/> once and times it.</summary>
    public static BenchmarkRun Run(Scenario scenario, int replication)
    {
        ArgumentNullException.ThrowIfNull(scenario);

        // Leave the previous run's garbage out of this run's time.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var watch = Stopwatch.StartNew();
        var result = new SimulationRun(scenario, replication).RunFast();
        watch.Stop();
        return new BenchmarkRun((long)result.Totals.Values["arrivals"], result.Events, watch.Elapsed);
    }

    /// <summary>How far apart runs on an otherwise idle machine stay (measured here: a few percent).</summary>
    public const double QuietSpread = 0.10;

    /// <summary>The fastest rate over the slowest, minus one; 0 for fewer than two runs.</summary>
    public static double Spread(IReadOnlyList<double> rates)
    {
        ArgumentNullException.ThrowIfNull(rates);
        return rates.Count < 2 ? 0 : (rates.Max() / rates.Min()) - 1;
    }

    public static double Median(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
