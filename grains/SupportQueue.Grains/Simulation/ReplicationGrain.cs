using SupportQueue.Core.Simulation;

namespace SupportQueue.Grains.Simulation;

[Orleans.Placement.RandomPlacement]
[GrainType("replication")]
public sealed class ReplicationGrain : Grain, IReplicationGrain
{
    public Task<ReplicationResult> Run(Scenario scenario, int replication, CancellationToken cancellationToken = default)
    {
        var result = new SimulationRun(scenario, replication).RunFast(cancellationToken: cancellationToken);

        // The result is all that matters; do not keep a finished replication resident.
        this.DeactivateOnIdle();
        return Task.FromResult(result);
    }
}
