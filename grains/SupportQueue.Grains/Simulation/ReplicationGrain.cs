using System.Collections.Immutable;
using SupportQueue.Core.Simulation;

namespace SupportQueue.Grains.Simulation;

[Orleans.Placement.RandomPlacement]
[GrainType("replication")]
public sealed class ReplicationGrain : Grain, IReplicationGrain
{
    public Task<ReplicationResult> Run(Scenario scenario, int replication, IReplicationProgress? progress = null, CancellationToken cancellationToken = default) =>
        Compute(scenario, replication, null, progress, cancellationToken);

    public Task<ReplicationResult> RunStaffed(Scenario scenario, int replication, ImmutableDictionary<string, ImmutableArray<int>>? staffing, CancellationToken cancellationToken = default) =>
        Compute(scenario, replication, staffing is null ? null : new SimulationOptions { StaffingOverride = staffing }, null, cancellationToken);

    private Task<ReplicationResult> Compute(Scenario scenario, int replication, SimulationOptions? options, IReplicationProgress? progress, CancellationToken cancellationToken)
    {
        var result = new SimulationRun(scenario, replication, options).RunFast(progress is null ? null : new ObserverProgress(progress, replication), cancellationToken);

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
