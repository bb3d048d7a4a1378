using System.Collections.Immutable;
using SupportQueue.Core.Planning;
using SupportQueue.Core.Simulation;
using SupportQueue.Grains.Simulation;

namespace SupportQueue.Client.Planning;

/// <summary>
/// The planner's replications, spread over the cluster as <c>simulate</c> spreads its own: one
/// replication grain per replication (random placement), a few in flight per core. Results come
/// back in replication order, so a run is the same wherever its replications ran.
/// </summary>
public sealed class ClusterReplications(IGrainFactory grains, CancellationToken cancellationToken)
{
    private long _replications;

    /// <summary>Called after each replication with (done, of) for the current batch.</summary>
    public Action<int, int>? Completed { get; init; }

    /// <summary>Replications run so far, over all batches.</summary>
    public long Replications => Interlocked.Read(ref _replications);

    /// <summary>The engine's runner. It blocks its caller (the plan runs on a worker thread, never on a grain's).</summary>
    public ReplicationRunner Runner => (scenario, staffing) => RunAsync(scenario, staffing).GetAwaiter().GetResult();

    public async Task<IReadOnlyList<ReplicationResult>> RunAsync(Scenario scenario, ImmutableDictionary<string, ImmutableArray<int>>? staffing)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var runId = Guid.NewGuid().ToString("N");
        var done = 0;
        using var slots = new SemaphoreSlim(SimulationClient.MaxConcurrent);
        var tasks = Enumerable.Range(0, scenario.Replications).Select(async r =>
        {
            await slots.WaitAsync(cancellationToken);
            try
            {
                var result = await grains.GetGrain<IReplicationGrain>($"plan-{runId}/{r}").RunStaffed(scenario, r, staffing, cancellationToken);
                Interlocked.Increment(ref _replications);
                Completed?.Invoke(Interlocked.Increment(ref done), scenario.Replications);
                return result;
            }
            finally
            {
                slots.Release();
            }
        }).ToList();
        return await Task.WhenAll(tasks);
    }
}
