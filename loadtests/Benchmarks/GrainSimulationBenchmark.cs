using System.Collections.Immutable;
using System.Diagnostics;
using SupportQueue.Core.Demand;
using SupportQueue.Core.Model;
using SupportQueue.Core.Randomness;
using SupportQueue.Core.Simulation;
using SupportQueue.Grains;
using SupportQueue.Grains.Simulation;

namespace SupportQueue.LoadTests.Benchmarks;

/// <summary>
/// Throughput of grain mode in simulated tickets per wall-clock second: a benchmark, not a test.
/// The clock runs from the first operation to the last (silo start-up excluded).
/// </summary>
public static class GrainSimulationBenchmark
{
    /// <summary>
    /// M/M/c on one tier: <paramref name="agents"/> always on duty, exponential handling with mean
    /// <paramref name="ahtMinutes"/>, Poisson arrivals at <paramref name="load"/> × c / AHT, over
    /// the horizon that brings about <paramref name="tickets"/> tickets.
    /// </summary>
    public static Scenario MMc(int agents = 50, double ahtMinutes = 10, double load = 0.9, int tickets = 20_000, ulong seed = 1)
    {
        var perMinute = load * agents / ahtMinutes;
        return new Scenario
        {
            Name = $"mm{agents}-benchmark",
            Horizon = TimeSpan.FromMinutes(tickets / perMinute),
            Replications = 1,
            Seed = seed,
            Desk = DeskSettings.Default with { Tiers = [new TierSettings("L1")], AgingStep = null },
            Roster = new RosterSpec([new AgentGroupSpec("agent", "L1", agents)]),
            TicketClasses =
            [
                new TicketClassSpec("call", 1, Priority.P3, ImmutableDictionary<string, DistributionSpec>.Empty.Add("*", DistributionSpec.Exponential(ahtMinutes))),
            ],
            Demand = new DemandProfile { BaseVolume = perMinute * 15, IntervalMinutes = 15 },
            ServiceLevel = new ServiceLevelSpec(TimeSpan.FromMinutes(1)),
        };
    }

    /// <summary>
    /// Runs replication 0 of <paramref name="scenario"/> (default <see cref="MMc"/>) in grain mode
    /// and, with <paramref name="verify"/>, in fast mode too, comparing every ticket's outcome.
    /// </summary>
    public static async Task<GrainBenchmarkResult> RunAsync(
        Scenario? scenario = null,
        bool verify = true,
        GrainSimulationOptions? hosting = null,
        IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        scenario ??= MMc();
        var options = new SimulationOptions { IdPrefix = GrainSimulation.IdPrefix(0), RecordOutcomes = verify };
        var run = new SimulationRun(scenario, 0, options);
        ReplicationResult grains;
        TimeSpan elapsed;
        TimeSpan serialCall;
        CapacityProbeResult capacity;
        await using (var silo = await SimulationSilo.StartAsync(GrainSimulation.Epoch(scenario), hosting, cancellationToken))
        {
            var watch = Stopwatch.StartNew();
            grains = await run.RunAsync(new GrainDeskDriver(silo.Grains, silo.Clock), progress, cancellationToken);
            elapsed = watch.Elapsed;
            serialCall = await MeasureSerialCallAsync(silo.Grains, GrainSimulation.IdPrefix(0) + "desk");
            capacity = await CapacityProbeResult.MeasureAsync(silo.Grains);
        }

        var tickets = (long)grains.Totals.Values["arrivals"];
        if (!verify)
        {
            return new GrainBenchmarkResult(tickets, grains.Events, elapsed, TimeSpan.Zero, null, serialCall, capacity);
        }

        var fastWatch = Stopwatch.StartNew();
        var fast = new SimulationRun(scenario, 0, options).RunFast();
        var fastElapsed = fastWatch.Elapsed;
        var match = fast.Outcomes.SequenceEqual(grains.Outcomes) && fast.Events == grains.Events;
        return new GrainBenchmarkResult(tickets, grains.Events, elapsed, fastElapsed, match, serialCall, capacity);
    }

    /// <summary>
    /// The latency of one awaited grain call that does nothing (a desk's settings), as the driver
    /// makes them: what grain mode pays per step no matter how little the step does.
    /// </summary>
    private static async Task<TimeSpan> MeasureSerialCallAsync(IGrainFactory grains, string deskId)
    {
        var desk = grains.Desk(deskId);
        const int Calls = 20_000;
        for (var i = 0; i < 1_000; i++)
        {
            await desk.GetSettings();
        }

        var watch = Stopwatch.StartNew();
        for (var i = 0; i < Calls; i++)
        {
            await desk.GetSettings();
        }

        return watch.Elapsed / Calls;
    }
}
