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

        // One report per finished replication, besides those from within the replications.
        Assert.Equal(Enumerable.Range(1, scenario.Replications), progress.Select(p => p.Completed).Where(c => c > 0).Distinct().Order());
        Assert.Equal(scenario.Replications, progress[^1].Done);
    }

    [Fact]
    public async Task A_replication_grain_reports_its_progress_as_it_runs()
    {
        var scenario = SimulationScenarios.Desk(replications: 1, seed: 11);

        // The same replication in this process says which reports the loop makes (it is deterministic).
        var expected = new List<double>();
        new SimulationRun(scenario, 0).RunFast(new SyncProgress<double>(expected.Add));
        Assert.True(expected.Count(f => f > 0 && f < 1) >= 50, $"{expected.Count} reports within the replication");

        var sink = new FractionSink(expected.Count);
        var observer = fixture.Client.CreateObjectReference<IReplicationProgress>(sink);
        try
        {
            await fixture.Client.GetGrain<IReplicationGrain>($"{Guid.NewGuid():N}/0").Run(scenario, 0, observer).WaitAsync(TimeSpan.FromMinutes(2));

            // The reports are one-way: they may trail the result and arrive in any order, but every one arrives.
            var received = await sink.All.WaitAsync(TimeSpan.FromMinutes(1));

            Assert.Equal(expected, received.Order());
        }
        finally
        {
            fixture.Client.DeleteObjectReference<IReplicationProgress>(observer);
        }
    }

    [Fact]
    public void Progress_counts_the_done_part_of_running_replications_and_drops_reports_after_a_result()
    {
        var reports = new List<SimulationProgress>();
        var sink = new ReplicationProgressSink(3, new SyncProgress<SimulationProgress>(reports.Add));

        sink.Progress(0, 0.25);
        sink.Progress(1, 0.5);
        sink.Completed(0);
        sink.Progress(0, 0.9);
        sink.Progress(1, 0.75);
        sink.Progress(1, 0.6);

        // A report after the replication's result is dropped; one overtaken by a later one changes nothing.
        Assert.Equal([0.25, 0.75, 1.5, 1.75, 1.75], reports.Select(r => r.Done));
        Assert.Equal([0, 0, 1, 1, 1], reports.Select(r => r.Completed));
    }

    /// <summary>Collects one replication's fractions until <paramref name="expected"/> have come.</summary>
    private sealed class FractionSink(int expected) : IReplicationProgress
    {
        private readonly List<double> _fractions = [];
        private readonly TaskCompletionSource<IReadOnlyList<double>> _all = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<IReadOnlyList<double>> All => _all.Task;

        public Task Progress(int replication, double fraction)
        {
            lock (_fractions)
            {
                _fractions.Add(fraction);
                if (_fractions.Count == expected)
                {
                    _all.TrySetResult([.. _fractions]);
                }
            }

            return Task.CompletedTask;
        }
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
