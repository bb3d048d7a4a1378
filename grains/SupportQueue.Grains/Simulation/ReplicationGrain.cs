using SupportQueue.Core.Simulation;

namespace SupportQueue.Grains.Simulation;

[Orleans.Placement.RandomPlacement]
[GrainType("replication")]
public sealed class ReplicationGrain : Grain, IReplicationGrain
{
    public async Task<ReplicationResult> Run(Scenario scenario, int replication, CancellationToken cancellationToken = default)
    {
        // Seconds of pure computation on a thread of its own: run on the pool's threads, a few of
        // these starve it (on 2 cores the pool grows by one thread every half second), and with it
        // everything else the process does, Ctrl+C and the cluster's own messaging included.
        var result = await Task.Factory.StartNew(
            () => new SimulationRun(scenario, replication).RunFast(cancellationToken: cancellationToken),
            cancellationToken,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

        // The result is all that matters; do not keep a finished replication resident.
        this.DeactivateOnIdle();
        return result;
    }
}
