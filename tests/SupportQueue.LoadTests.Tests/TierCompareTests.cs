using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using SupportQueue.Core.Model;
using SupportQueue.Json;
using SupportQueue.LoadTests.Cli;
using SupportQueue.LoadTests.Scenarios;

namespace SupportQueue.LoadTests.Tests;

/// <summary>The live compare per tier, its thresholds, and the run's HTML report (invariant verdict, per-silo load from Orleans' meter).</summary>
public sealed partial class TierCompareTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"lt-tiers-{Guid.NewGuid():N}");

    public TierCompareTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Tier_measures_follow_each_queue_visit_and_give_busy_time_to_the_agents_tier()
    {
        // The starved scenario: one L1 agent (front-001) and four L2 agents (back-00N), all signed in for the 15 minutes replayed.
        var workload = new ScenarioWorkload(ScenarioJson.Read(ScenarioReplayTests.Starved).Value!, "starved", 0, 600, TimeSpan.FromSeconds(1.5));
        var start = new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero);
        var agents = new Dictionary<string, string>(StringComparer.Ordinal) { ["front-001"] = "L1", ["back-001"] = "L2" };
        Ticket T(int number, params (TicketEventKind Kind, double Minute, string Tier, string? Agent)[] events)
        {
            var created = start + TimeSpan.FromMinutes(workload.Tickets[number].ArrivalMinutes);
            return new Ticket
            {
                Id = $"run-t{number}",
                CreatedAt = created,
                History = [.. events.Select(e => new TicketEvent(e.Kind, created + TimeSpan.FromMinutes(e.Minute), e.Tier, e.Agent))],
            };
        }

        var tickets = new[]
        {
            // Answered at L1 in 1 minute by the L1 agent, worked 2 minutes, escalated; answered at L2 after 7 minutes (a miss there).
            T(0, (TicketEventKind.Queued, 0, "L1", null), (TicketEventKind.Assigned, 1, "L1", "front-001"), (TicketEventKind.Escalated, 3, "L1", "front-001"),
                (TicketEventKind.Queued, 3, "L2", null), (TicketEventKind.Assigned, 10, "L2", "back-001"), (TicketEventKind.Resolved, 11, "L2", "back-001")),
            // An L1 ticket borrowed by an L2 agent after 2 minutes: L1's answer, L2's busy time.
            T(1, (TicketEventKind.Queued, 0, "L1", null), (TicketEventKind.Assigned, 2, "L1", "back-001"), (TicketEventKind.Resolved, 6, "L1", "back-001")),
            // Left the L1 queue after 8 minutes.
            T(2, (TicketEventKind.Queued, 0, "L1", null), (TicketEventKind.Abandoned, 8, "L1", null)),
        };
        var audit = tickets.Max(t => t.History[^1].At);

        var tiers = LiveTierMeasures.From(tickets, workload, agents, audit, 1, allSignedIn: false, new Dictionary<string, double> { ["L1"] = 12.5 });

        var l1 = tiers.Single(t => t.Tier == "L1");
        var l2 = tiers.Single(t => t.Tier == "L2");
        Assert.Equal((3L, 2L, 2L, 1L, 1L, 1L), (l1.Offered, l1.Answered, l1.Within, l1.Missed, l1.Abandoned, l1.EscalatedOut));
        Assert.Equal(2.0 / 3, l1.ServiceLevel, 9);
        Assert.Equal(1.5, l1.AsaMinutes, 9);
        Assert.Equal(0.5, l1.EscalationRate, 9);
        Assert.Equal(1.0 / 3, l1.AbandonmentRate, 9);
        Assert.Equal(12.5, l1.SubmitAssignP99Ms);
        Assert.Equal((1L, 1L, 0L, 1L), (l2.Offered, l2.Answered, l2.Within, l2.Missed));
        Assert.Equal(0, l2.ServiceLevel);
        Assert.True(double.IsNaN(l2.SubmitAssignP99Ms));

        // Staffed: 1 × 15 slot minutes at L1, 4 × 15 at L2. Busy: the L1 agent's 2 minutes; the L2 agent's 4 (borrowed) + 1.
        Assert.Equal((15.0, 60.0), (l1.StaffedMinutes, l2.StaffedMinutes));
        Assert.Equal(2, l1.BusyMinutes, 6);
        Assert.Equal(5, l2.BusyMinutes, 6);
        Assert.Equal(2.0 / 15, l1.Occupancy, 6);
    }

    [Fact]
    public void An_invariant_violation_fails_the_html_report_whatever_the_thresholds_say()
    {
        var result = SampleResults.Create();
        var workload = new ScenarioWorkload(ScenarioJson.Read(ScenarioReplayTests.Starved).Value!, "starved", 0, 600, TimeSpan.FromSeconds(1.5));
        var invariants = new Orleans.InvariantReport(2, 1, 1, 0, 0, 0, ["double assignment: 't7' held by both 'a' and 'b'"]);
        var info = new OrleansRunInfo(
            "external cluster (gateway 127.0.0.1:30000)", "d", workload, "load", "polling", 0, 0,
            new Dictionary<string, long>(), new Dictionary<string, int> { ["127.0.0.1:11111"] = 12 }, []);
        var record = new OrleansRunRecord("run", 0, result, invariants, Orleans.DeskOutcome.From([], TimeSpan.FromMinutes(5), DateTimeOffset.UnixEpoch), info);

        var html = Reports.HtmlReport.Build(result, Reports.OrleansHtmlSection.Build(record), record.ExitCode);

        Assert.Equal(LoadExitCodes.InvariantViolated, record.ExitCode);
        Assert.Contains("Verdict: <span class=\"fail\">FAILED</span> (exit code 4)", html, StringComparison.Ordinal);
        Assert.Contains("Invariant check: <span class=\"fail\">FAILED", html, StringComparison.Ordinal);
        Assert.Contains("double assignment: &#39;t7&#39; held by both", html, StringComparison.Ordinal);
        // An external cluster's messages per silo are not measured, and the report says so instead of showing 0.
        Assert.Contains("<td>127.0.0.1:11111</td><td>not measured</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Category", "RealTime")]
    public async Task Live_compare_reports_per_tier_differences_and_fails_a_per_tier_threshold()
    {
        // One starved L1 agent, four idle L2 agents; "borrow" lets L2 take waiting L1 tickets: L1's
        // service level must rise and L2's agents must get busier, paired on the same tickets.
        var outDir = Path.Combine(_dir, "out");
        var (exit, console, error) = await LoadCli.RunAsync(
            "compare", "--scenario", Write("starved.json", ScenarioReplayTests.Starved),
            "--policy", Write("strict.json", ScenarioReplayTests.Strict), "--policy", Write("borrow.json", ScenarioReplayTests.Borrow),
            "--seeds", "3", "--compress", "600", "--duration", "1500ms", "--warmup", "0", "--tail", "300ms", "--no-live",
            "--threshold", "L1 service_level >= 0.99", "--out", outDir);

        Assert.True(exit == LoadExitCodes.ThresholdFailed, console + error);
        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(outDir, "summary.json")));
        var root = summary.RootElement;
        JsonElement Row(string tier, string metric) => root.GetProperty("rows").EnumerateArray()
            .Single(r => r.GetProperty("tier").GetString() == tier && r.GetProperty("metric").GetString() == metric && r.GetProperty("policy").GetString() == "borrow");
        Assert.Equal(["L1", "L2", "desk"], root.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("tier").GetString()!).Distinct().ToArray());
        var l1 = Row("L1", "service_level");
        Assert.True(l1.GetProperty("difference").GetProperty("mean").GetDouble() > 0 && l1.GetProperty("significant").GetBoolean(), console);
        Assert.True(Row("L2", "occupancy").GetProperty("difference").GetProperty("mean").GetDouble() > 0, console);
        Assert.True(Row("L1", "submit_assign_p99").GetProperty("value").GetProperty("count").GetInt32() == 3, console);
        Assert.False(root.GetProperty("passed").GetBoolean());
        Assert.Contains(root.GetProperty("thresholdFailures").EnumerateArray(), f => f.GetString()!.StartsWith("L1 service_level >= 0.99: policy strict", StringComparison.Ordinal));
        Assert.Contains("borrow raises L1 service level by", console, StringComparison.Ordinal);
        Assert.Contains("| L1 |", await File.ReadAllTextAsync(Path.Combine(outDir, "policy-borrow", "replication-0", "report.md")), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Category", "RealTime")]
    public async Task The_html_report_shows_the_invariant_verdict_and_messages_per_silo()
    {
        var outDir = Path.Combine(_dir, "run");
        var (exit, console, error) = await LoadCli.RunAsync(
            "run", "--scenario", Write("starved.json", ScenarioReplayTests.Starved), "--silos", "2",
            "--compress", "600", "--duration", "1500ms", "--warmup", "0", "--tail", "300ms", "--no-live", "--out", outDir);

        Assert.True(exit == 0, console + error);
        var html = await File.ReadAllTextAsync(Path.Combine(outDir, "report.html"));
        Assert.Contains("Invariant check: <span class=\"pass\">PASSED</span>", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Setup</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<td>service level (answered within 5 min)</td>", html, StringComparison.Ordinal);
        var silos = SiloRow().Matches(html).Select(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(2, silos.Count);
        Assert.All(silos, messages => Assert.True(messages > 0, html));
    }

    [GeneratedRegex(@"<tr><td>127\.0\.0\.1:\d+</td><td>(\d+)</td>", RegexOptions.CultureInvariant)]
    private static partial Regex SiloRow();
}
