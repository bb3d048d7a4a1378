using System.Collections.Immutable;
using SupportQueue.Core.Simulation;

namespace SupportQueue.Grains.Simulation;

[Orleans.Placement.RandomPlacement]
[GrainType("replication")]
public sealed class ReplicationGrain : Grain, IReplicationGrain
{
    public Task<ReplicationResult> Run(Scenario scenario, int replication, CancellationToken cancellationToken = default) =>
        RunStaffed(scenario, replication, null, cancellationToken);

    public Task<ReplicationResult> RunStaffed(Scenario scenario, int replication, ImmutableDictionary<string, ImmutableArray<int>>? staffing, CancellationToken cancellationToken = default)
    {
        var options = staffing is null ? null : new SimulationOptions { StaffingOverride = staffing };
        var result = new SimulationRun(scenario, replication, options).RunFast(cancellationToken: cancellationToken);

        // The result is all that matters; do not keep a finished replication resident.
        this.DeactivateOnIdle();
        return Task.FromResult(result);
    }
}
