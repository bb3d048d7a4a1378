using System.Collections.Immutable;
using SupportQueue.Core.History;
using SupportQueue.Core.Model;
using SupportQueue.LoadTests.Cli;
using SupportQueue.LoadTests.Runner;

namespace SupportQueue.LoadTests.Tests;

/// <summary><c>run --arrivals</c>: a recorded trace's tickets arrive at their recorded times (compressed) and as recorded.</summary>
[Collection(OrleansCollection.Name)]
public sealed class TraceReplayTests(LoadClusterFixture fixture)
{
    private static readonly DateTime _t0 = new(2026, 11, 23, 8, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_trace_phase_puts_each_arrival_on_its_time_even_when_two_share_one()
    {
        var offsets = new[] { 0.0, 0.25, 0.25, 1.5, 4 }.Select(TimeSpan.FromSeconds).ToList();
        var plan = ScenarioPlan.Create([new TraceSimulation(offsets, TimeSpan.FromSeconds(5))]);

        var arrivals = plan.ArrivalOffsets(ArrivalSpacing.Uniform).ToList();

        Assert.Equal(5, arrivals.Count);
        // To the microsecond (the inverse of each segment's cumulative count may round a tick down); the shared time is split by the minimum gap.
        Assert.Equal([0, 0.25, 0.25 + TraceSimulation.MinimumGap.TotalSeconds, 1.5, 4], arrivals.Select(a => Math.Round(a.TotalSeconds, 6)));
        Assert.True(arrivals[2] > arrivals[1]);
    }

    [Fact]
    public async Task A_replayed_trace_submits_every_recorded_ticket_with_its_attributes()
    {
        // 24 tickets over 12 simulated minutes: 1.2 s of wall time at the fixture's 600x.
        var trace = Enumerable.Range(0, 24).Select(i => new TicketHistoryRecord(
            $"rec-{i}", _t0.AddSeconds(30 * i), (Priority)((i % 4) + 1), ["billing"], null, "L1",
            i % 3 == 0 ? ["L1", "L2"] : ["L1"], [new TierMinutes("L1", 2)],
            i % 3 == 0 ? [new HistoryEscalation("L1", "L2", "needs L2")] : [], 0.5, HistoryOutcome.Resolved, _t0.AddSeconds((30 * i) + 150))).ToImmutableArray();
        var options = new LoadOptions
        {
            Command = "run",
            Trace = trace,
            ArrivalsPath = "test trace",
            Tail = TimeSpan.FromSeconds(1),
            Compress = LoadClusterFixture.Compression,
            Policy = Orleans.EscalationPolicyChoice.B,
            Agents = [6, 4, 4],
            Warmup = TimeSpan.Zero,
            Live = false,
        };
        var dir = Path.Combine(Path.GetTempPath(), "sq-trace-" + Guid.NewGuid().ToString("N"));
        try
        {
            var record = await LoadCommands.RunOneAsync(options, fixture.Cluster, "trace", dir, disrupt: null, CancellationToken.None);

            Assert.Equal(24, record.Result.Operations.Single(o => o.Operation == "submit").Count);
            Assert.True(record.Invariants.Passed, string.Join("\n", record.Invariants.Violations));
            Assert.Equal(24, record.Outcome.Tickets);
            Assert.Contains("trace test trace: 24 tickets", record.Info.Load, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    [Fact]
    public async Task A_malformed_trace_is_refused_with_its_row_before_anything_runs()
    {
        var file = Path.Combine(Path.GetTempPath(), "sq-bad-trace-" + Guid.NewGuid().ToString("N") + ".csv");
        await File.WriteAllTextAsync(file, "id,created,priority,entryTier,outcome\nT1,2026-11-23T08:00:00Z,P3,L9,resolved\n");
        try
        {
            var (exit, _, error) = await LoadCli.RunAsync("run", "--arrivals", file, "--no-live");

            Assert.Equal(2, exit);
            Assert.Contains("row 2", error, StringComparison.Ordinal);
            Assert.Contains("L9", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
