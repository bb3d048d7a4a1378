using SupportQueue.Core.Model;
using SupportQueue.Core.Simulation;

namespace SupportQueue.Grains.Simulation;

/// <summary>
/// Runs a scenario and merges its replications: fast mode as grains spread over the cluster
/// behind <c>grains</c>; grain mode on embedded silos with a virtual clock (see <see cref="GrainSimulation"/>).
/// </summary>
public static class SimulationClient
{
    /// <summary>Fast-mode replications in flight at once: a few per core, so memory stays bounded and each finishes early.</summary>
    public static int MaxConcurrent { get; } = Math.Max(1, Environment.ProcessorCount) * 2;

    public static async Task<SimulationSummary> RunAsync(
        IGrainFactory grains,
        Scenario scenario,
        SimulationMode mode = SimulationMode.Fast,
        IProgress<SimulationProgress>? progress = null,
        CancellationToken cancellationToken = default,
        WorkBudget? budget = null)
    {
        scenario.EnsureValid();
        var concurrent = mode == SimulationMode.Grains ? 1 : MaxConcurrent;
        if (WorkEstimate.Of(scenario, concurrent).Check(budget ?? WorkBudget.Default) is { Count: > 0 } over)
        {
            throw new SupportQueueException(RefusalCode.InvalidSettings, $"Scenario '{scenario.Name}' is too big to simulate:" + Environment.NewLine + string.Join(Environment.NewLine, over));
        }

        if (mode == SimulationMode.Grains)
        {
            // Grain mode needs the grains' clock to be virtual, which a live cluster's is not: it
            // runs on embedded silos of its own, whatever cluster the caller is connected to.
            var runs = await GrainSimulation.RunAllAsync(scenario, progress: progress, cancellationToken: cancellationToken);
            return SimulationSummary.Merge(runs);
        }

        var runId = Guid.NewGuid().ToString("N");

        // The replications report how far they got to an observer, so progress moves within a long replication too.
        var sink = progress is null ? null : new ReplicationProgressSink(scenario.Replications, progress);
        var observer = sink is null ? null : grains.CreateObjectReference<IReplicationProgress>(sink);
        try
        {
            using var slots = new SemaphoreSlim(concurrent);
            var tasks = Enumerable.Range(0, scenario.Replications).Select(async r =>
            {
                await slots.WaitAsync(cancellationToken);
                try
                {
                    // The grain stops at its next progress check once the token reaches it; the caller
                    // does not wait for that (Ctrl+C must end the command within 2 s).
                    var result = await grains.GetGrain<IReplicationGrain>($"{runId}/{r}").Run(scenario, r, observer, cancellationToken).WaitAsync(cancellationToken);
                    sink?.Completed(r);
                    return result;
                }
                finally
                {
                    slots.Release();
                }
            }).ToList();
            var results = await Task.WhenAll(tasks);
            return SimulationSummary.Merge(results);
        }
        finally
        {
            if (observer is not null)
            {
                grains.DeleteObjectReference<IReplicationProgress>(observer);
            }

            // Observers are held weakly: keep the sink alive until the last replication has reported.
            GC.KeepAlive(sink);
        }
    }
}
