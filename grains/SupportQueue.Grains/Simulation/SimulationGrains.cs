using SupportQueue.Core.Simulation;

namespace SupportQueue.Grains.Simulation;

/// <summary>How a simulation reaches the routing engine.</summary>
public enum SimulationMode
{
    /// <summary>Each replication runs the engine in-process inside one grain activation: no message per event.</summary>
    Fast,

    /// <summary>The scenario drives the real Ticket, Agent and DeskScheduler grains in virtual time.</summary>
    Grains,
}

/// <summary>
/// Runs one fast-mode replication (key: run id + replication). Replications are separate grains
/// so the cluster spreads them over its silos.
/// </summary>
[Alias("SupportQueue.Grains.Simulation.IReplicationGrain")]
public interface IReplicationGrain : IGrainWithStringKey
{
    /// <summary>Runs replication <paramref name="replication"/> of <paramref name="scenario"/> to its horizon.</summary>
    [ResponseTimeout("01:00:00")]
    [Alias("Run")]
    Task<ReplicationResult> Run(Scenario scenario, int replication);
}

[Orleans.Placement.RandomPlacement]
[GrainType("replication")]
public sealed class ReplicationGrain : Grain, IReplicationGrain
{
    public Task<ReplicationResult> Run(Scenario scenario, int replication)
    {
        var result = new SimulationRun(scenario, replication).RunFast();

        // The result is all that matters; do not keep a finished replication resident.
        this.DeactivateOnIdle();
        return Task.FromResult(result);
    }
}

/// <summary>Progress of a run: replications finished so far.</summary>
public sealed record SimulationProgress(int Completed, int Total);

/// <summary>
/// Runs a scenario and merges its replications: fast mode as grains spread over the cluster
/// behind <c>grains</c>; grain mode on embedded silos with a virtual clock (see <see cref="GrainSimulation"/>).
/// </summary>
public static class SimulationClient
{
    public static async Task<SimulationSummary> RunAsync(
        IGrainFactory grains,
        Scenario scenario,
        SimulationMode mode = SimulationMode.Fast,
        IProgress<SimulationProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        scenario.EnsureValid();
        if (mode == SimulationMode.Grains)
        {
            // Grain mode needs the grains' clock to be virtual, which a live cluster's is not: it
            // runs on embedded silos of its own, whatever cluster the caller is connected to.
            var runs = await GrainSimulation.RunAllAsync(scenario, progress: progress, cancellationToken: cancellationToken);
            return SimulationSummary.Merge(runs);
        }

        var runId = Guid.NewGuid().ToString("N");
        var completed = 0;
        var tasks = Enumerable.Range(0, scenario.Replications).Select(async r =>
        {
            var result = await grains.GetGrain<IReplicationGrain>($"{runId}/{r}").Run(scenario, r).WaitAsync(cancellationToken);
            progress?.Report(new SimulationProgress(Interlocked.Increment(ref completed), scenario.Replications));
            return result;
        });
        var results = await Task.WhenAll(tasks);
        return SimulationSummary.Merge(results);
    }
}
