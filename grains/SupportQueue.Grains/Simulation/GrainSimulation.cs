using SupportQueue.Core.Simulation;

namespace SupportQueue.Grains.Simulation;

/// <summary>
/// Grain mode: a scenario drives the real Ticket, Agent and DeskScheduler grains in virtual time,
/// on an embedded silo of its own per replication (see <see cref="SimulationSilo"/>).
/// </summary>
public static class GrainSimulation
{
    /// <summary>
    /// Runs one replication through the grains. For the same scenario, replication and
    /// <see cref="SimulationOptions"/> the result equals <see cref="SimulationRun.RunFast"/>'s.
    /// </summary>
    public static async Task<ReplicationResult> RunAsync(
        Scenario scenario,
        int replication,
        SimulationOptions? options = null,
        GrainSimulationOptions? hosting = null,
        IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var run = new SimulationRun(scenario, replication, options ?? new SimulationOptions { IdPrefix = IdPrefix(replication) });
        await using var silo = await SimulationSilo.StartAsync(Epoch(scenario), hosting, cancellationToken);
        return await run.RunAsync(new GrainDeskDriver(silo.Grains, silo.Clock), progress, cancellationToken);
    }

    /// <summary>Runs every replication of the scenario, one after the other (each on its own silo).</summary>
    public static async Task<IReadOnlyList<ReplicationResult>> RunAllAsync(
        Scenario scenario,
        GrainSimulationOptions? hosting = null,
        IProgress<SimulationProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        scenario.EnsureValid();
        var results = new List<ReplicationResult>(scenario.Replications);
        for (var r = 0; r < scenario.Replications; r++)
        {
            var done = r;
            var within = progress is null ? null : new InlineProgress(f => progress.Report(new SimulationProgress(done, scenario.Replications) { Done = done + f }));
            results.Add(await RunAsync(scenario, r, hosting: hosting, progress: within, cancellationToken: cancellationToken));
            progress?.Report(new SimulationProgress(r + 1, scenario.Replications));
        }

        return results;
    }

    /// <summary>The id prefix grain mode gives a replication by default, so its grains are its own.</summary>
    public static string IdPrefix(int replication) => $"r{replication}-";

    /// <summary>Virtual time zero of a scenario, as <see cref="SimulationRun"/> reckons it.</summary>
    public static DateTimeOffset Epoch(Scenario scenario) =>
        new(DateTime.SpecifyKind(scenario.Start, DateTimeKind.Unspecified), TimeSpan.Zero);

    /// <summary>Reports on the caller's thread at once (<see cref="Progress{T}"/> would post late).</summary>
    private sealed class InlineProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
