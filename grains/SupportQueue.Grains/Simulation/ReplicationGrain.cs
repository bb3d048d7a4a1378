using SupportQueue.Core.Simulation;

namespace SupportQueue.Grains.Simulation;

[Orleans.Placement.RandomPlacement]
[GrainType("replication")]
public sealed class ReplicationGrain : Grain, IReplicationGrain
{
    public Task<ReplicationResult> Run(Scenario scenario, int replication, IReplicationProgress? progress = null, CancellationToken cancellationToken = default)
    {
        var result = new SimulationRun(scenario, replication).RunFast(progress is null ? null : new ObserverProgress(progress, replication), cancellationToken);

        // The result is all that matters; do not keep a finished replication resident.
        this.DeactivateOnIdle();
        return Task.FromResult(result);
    }

    /// <summary>Passes the loop's reports on to the caller's observer without waiting (the call is one-way).</summary>
    private sealed class ObserverProgress(IReplicationProgress observer, int replication) : IProgress<double>
    {
        public void Report(double value) => _ = observer.Progress(replication, value);
    }
}
