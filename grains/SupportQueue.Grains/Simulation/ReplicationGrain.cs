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

    private async Task<ReplicationResult> Compute(Scenario scenario, int replication, SimulationOptions? options, IReplicationProgress? progress, CancellationToken cancellationToken)
    {
        // Seconds of pure computation on a thread of its own: run on the pool's threads, a few of
        // these starve it (on 2 cores the pool grows by one thread every half second), and with it
        // everything else the process does, Ctrl+C and the cluster's own messaging included.
        var result = await Task.Factory.StartNew(
            () => new SimulationRun(scenario, replication, options).RunFast(progress is null ? null : new ObserverProgress(progress, replication), cancellationToken),
            cancellationToken,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

        // The result is all that matters; do not keep a finished replication resident.
        this.DeactivateOnIdle();
        return result;
    }

    /// <summary>Passes the loop's reports on to the caller's observer without waiting (the call is one-way).</summary>
    private sealed class ObserverProgress(IReplicationProgress observer, int replication) : IProgress<double>
    {
        public void Report(double value) => _ = observer.Progress(replication, value);
    }
}
