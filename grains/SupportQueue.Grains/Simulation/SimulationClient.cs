using SupportQueue.Core.Simulation;

namespace SupportQueue.Grains.Simulation;

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
