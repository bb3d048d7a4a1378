using SupportQueue.Grains;
using SupportQueue.LoadTests.Cli;
using SupportQueue.LoadTests.Commands;
using SupportQueue.LoadTests.Orleans;
using SupportQueue.LoadTests.Reports;

namespace SupportQueue.LoadTests.Tests;

/// <summary>Two in-process silos with compressed grain time, shared by the Orleans tests.</summary>
public sealed class LoadClusterFixture : IAsyncLifetime
{
    public const double Compression = 600;

    public LoadCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Cluster = await LoadCluster.StartInProcessAsync(2, Compression, CancellationToken.None);

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

/// <summary>
/// Runs on its own, after the parallel tests: the silos' CPU use would otherwise widen the races that the
/// fake-clock runner tests are sensitive to (one of them failed about one run in four alongside this class).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class OrleansCollection : ICollectionFixture<LoadClusterFixture>
{
    public const string Name = "orleans";
}

[Collection(OrleansCollection.Name)]
public class OrleansTargetTests(LoadClusterFixture fixture)
{
    // The sample scenario (skill routing at entry, agents about half busy) for 200 ms at the fixture's compression: ~40 tickets.
    private static LoadOptions SmallRun(params string[] thresholds) => new RunCommand.Settings
    {
        Compress = LoadClusterFixture.Compression.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Duration = "200ms",
        Tail = "500ms",
        Warmup = "0",
        NoLive = true,
        Thresholds = thresholds,
    }.ToOptions();

    [Fact]
    public async Task Smoke_run_submits_assigns_and_audits_clean_with_reports_written()
    {
        var dir = Path.Combine(Path.GetTempPath(), "sq-orleans-smoke-" + Guid.NewGuid().ToString("N"));
        try
        {
            var record = await LoadCommands.RunOneAsync(
                SmallRun("count submit > 0", "fail% < 1", "rps submit >= 1000000"), fixture.Cluster, "smoke", dir, disrupt: null, CancellationToken.None);

            var ops = record.Result.Operations.ToDictionary(o => o.Operation);
            var submitted = ops["submit"].Count;
            Assert.InRange(submitted, 10, 100);
            Assert.True(ops["submit->assign"].Count > 0);
            Assert.True(ops.ContainsKey("resolve"));
            Assert.True(record.Invariants.Passed, string.Join("\n", record.Invariants.Violations));
            Assert.Equal(submitted, record.Invariants.Accounted);
            Assert.Equal(submitted, record.Outcome.Tickets);
            Assert.NotEmpty(record.Info.ReceivedBySilo);

            // Live runs are recorded with the silo's defaults (records posted one-way): every ticket is in the desk's export.
            var now = fixture.Cluster.GrainClock!.GetUtcNow().UtcDateTime;
            var exported = new HashSet<string>(StringComparer.Ordinal);
            await foreach (var r in DeskHistoryExport.ReadAsync(fixture.Cluster.Client, record.Info.DeskId, new SupportQueue.Core.History.ExportRange(now.AddHours(-6), now.AddHours(1))))
            {
                exported.Add(r.Id);
            }

            Assert.Equal(submitted, exported.Count);

            // Idle agent slots wait for work instead of polling: their steps are the tickets they worked
            // (a few visits each at most) plus a handful of idle returns per slot around the end of the shift.
            var agentSteps = record.Result.Scenarios.Single(s => s.Name == OrleansLoadTarget.AgentScenario).Started;
            var slots = record.Info.Workload.Scenario.Roster.Groups.Sum(g => g.Count * g.Capacity);
            Assert.InRange(agentSteps, 1, (3 * submitted) + (6 * slots));

            // The configuration table puts the loader's start lag and the longest GC pause beside the
            // latencies. Start lag is part of every latency from the intended start, so its p99
            // cannot exceed the submit p99.
            var table = OrleansReport.ScaleTable([record]).Split('\n');
            var header = table[0].Split('|', StringSplitOptions.TrimEntries);
            var row = table[2].Split('|', StringSplitOptions.TrimEntries);
            Assert.Equal(header.Length, row.Length);
            var lag = double.Parse(row[Array.IndexOf(header, "loader start lag p99 ms")], System.Globalization.CultureInfo.InvariantCulture);
            var submitP99 = double.Parse(row[Array.IndexOf(header, "submit p99 ms")], System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(lag, 0, submitP99);
            Assert.True(double.Parse(row[Array.IndexOf(header, "longest GC pause ms")], System.Globalization.CultureInfo.InvariantCulture) >= 0);
            // The submit rate is over the arrivals' window, not the whole run with the agents' tail.
            var arrivals = record.Result.Scenarios.Single(s => s.Name == OrleansLoadTarget.SubmitScenario).PlannedDuration;
            Assert.True(record.Result.Duration > arrivals);
            Assert.Equal(submitted / arrivals.TotalSeconds, double.Parse(row[Array.IndexOf(header, "submit/s")], System.Globalization.CultureInfo.InvariantCulture), 0.01);

            // One passing, one failing threshold: the failing one decides the exit code.
            Assert.Equal([true, true, false], record.Result.Thresholds.Select(t => t.Passed));
            Assert.Equal(1, record.ExitCode);

            foreach (var file in new[] { LoadReport.FileNames.Markdown, LoadReport.FileNames.Html, LoadReport.FileNames.Operations, LoadReport.FileNames.SiloLoad })
            {
                Assert.True(File.Exists(Path.Combine(dir, file)), file);
            }

            var md = await File.ReadAllTextAsync(Path.Combine(dir, LoadReport.FileNames.Markdown));
            Assert.Contains("| **FAIL** | `rps submit >= 1000000` |", md, StringComparison.Ordinal);
            Assert.Contains("## Invariant check\n\n- Verdict: **PASSED**", md, StringComparison.Ordinal);
            Assert.Contains("## Load per silo", md, StringComparison.Ordinal);
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
    public async Task Passing_thresholds_and_clean_invariants_exit_zero()
    {
        var dir = Path.Combine(Path.GetTempPath(), "sq-orleans-pass-" + Guid.NewGuid().ToString("N"));
        try
        {
            var record = await LoadCommands.RunOneAsync(SmallRun("count submit > 0", "fails submit == 0"), fixture.Cluster, "pass", dir, disrupt: null, CancellationToken.None);

            Assert.All(record.Result.Thresholds, t => Assert.True(t.Passed, t.Detail));
            Assert.Equal(0, record.ExitCode);
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
    [Trait("Category", "RealTime")]
    public async Task Desk_deadlines_run_on_compressed_grain_time()
    {
        var client = fixture.Cluster.Client;
        var deskId = "deadline-" + Guid.NewGuid().ToString("N");
        await client.GetGrain<IDeskSchedulerGrain>(deskId).Configure(new SupportQueue.Core.Model.DeskSettings
        {
            Escalation = [new(SupportQueue.Core.Model.EscalationRuleKind.WaitTimeout, Tier: "L1", After: TimeSpan.FromMinutes(1))],
        });
        var ticket = client.GetGrain<ITicketGrain>(deskId + "-t1");
        await ticket.Submit(new SupportQueue.Core.Model.TicketSpec(deskId + "-t1", deskId, SupportQueue.Core.Model.Priority.P3, []));

        // One simulated minute is 100 ms of wall time; on real time this would take a minute and time out.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        var tier = (await ticket.Get()).Tier;
        while (tier == "L1" && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
            tier = (await ticket.Get()).Tier;
        }

        Assert.Equal("L2", tier);
    }

    [Fact]
    public async Task The_audit_catches_a_ticket_the_desk_never_heard_of()
    {
        // Leave the desk's books behind the tickets: a ticket that exists is missing from the desk's counts.
        var dir = Path.Combine(Path.GetTempPath(), "sq-orleans-broken-" + Guid.NewGuid().ToString("N"));
        try
        {
            var record = await LoadCommands.RunOneAsync(SmallRun(), fixture.Cluster, "broken", dir, disrupt: null, CancellationToken.None);
            Assert.True(record.Invariants.Passed);

            var desk = fixture.Cluster.Client.GetGrain<IDeskSchedulerGrain>(record.Info.DeskId);
            var status = await desk.GetStatus();
            var broken = InvariantChecker.Check(new AuditInput(
                ["extra"], [], new Dictionary<string, SupportQueue.Core.Model.Ticket?> { ["extra"] = null }, [], status, null));

            Assert.Contains(broken.Violations, v => v.StartsWith("lost ticket: 'extra'", StringComparison.Ordinal));
            Assert.Contains(broken.Violations, v => v == $"desk accounting: desk counts {status.Submitted - status.Withdrawn} submitted (less withdrawn), the tickets say 0");
            Assert.True(status.Submitted > 0);
        }
        finally
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }
}
