using SupportQueue.Core.Simulation;
using SupportQueue.Grains.Simulation;

namespace SupportQueue.Grains.Tests.Simulation;

/// <summary>Fast-mode replications placed at random over two silos merge to what one process computes.</summary>
[Collection(ClusterCollection.Name)]
public sealed class DistributedFastModeTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Replications_spread_over_two_silos_merge_to_the_local_result()
    {
        var scenario = SimulationScenarios.Desk(replications: 6, seed: 7);
        var progress = new List<SimulationProgress>();

        var cluster = await SimulationClient.RunAsync(fixture.Client, scenario, SimulationMode.Fast, new SyncProgress<SimulationProgress>(progress.Add)).WaitAsync(TimeSpan.FromMinutes(2));
        var local = SimulationSummary.Merge(Enumerable.Range(0, scenario.Replications).Select(r => new SimulationRun(scenario, r).RunFast()).ToArray());

        Assert.Equal(local.Replications, cluster.Replications);
        Assert.Equal(local.Totals.Keys, cluster.Totals.Keys);
        foreach (var (key, ci) in local.Totals)
        {
            Assert.Equal(ci, cluster.Totals[key]);
        }

        for (var r = 0; r < scenario.Replications; r++)
        {
            Assert.Equal(local.Runs[r].Replication, cluster.Runs[r].Replication);
            Assert.Equal(local.Runs[r].Totals.Values.OrderBy(kv => kv.Key, StringComparer.Ordinal), cluster.Runs[r].Totals.Values.OrderBy(kv => kv.Key, StringComparer.Ordinal));
            Assert.Equal(local.Runs[r].Events, cluster.Runs[r].Events);
        }

        Assert.Equal(scenario.Replications, progress.Count);
        Assert.Equal(scenario.Replications, progress.Max(p => p.Completed));
    }

    /// <summary>Reports on the caller's thread, so the list is complete when the run returns.</summary>
    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        private readonly object _lock = new();

        public void Report(T value)
        {
            lock (_lock)
            {
                report(value);
            }
        }
    }
}
