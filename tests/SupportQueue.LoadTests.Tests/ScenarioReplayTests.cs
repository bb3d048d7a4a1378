using System.Text.Json;
using SupportQueue.Core.Comparison;
using SupportQueue.Core.Model;
using SupportQueue.Json;
using SupportQueue.LoadTests.Scenarios;

namespace SupportQueue.LoadTests.Tests;

/// <summary>Scenario files replayed live: the same tickets for every policy, the roster's shifts, bad files, and compare end to end.</summary>
public sealed class ScenarioReplayTests : IDisposable
{
    // One overloaded L1 agent and four idle L2 agents for 15 simulated minutes (60 tickets):
    // "borrow" lets L2 take waiting L1 tickets, so it must answer far more of them within 5 minutes.
    internal const string Starved = """
        {
          "name": "starved-l1",
          "start": "2026-11-23T00:00:00",
          "horizon": "00:15:00",
          "replications": 3,
          "seed": 5,
          "desk": { "tiers": [ { "name": "L1", "averageHandleTime": "00:04:00" }, { "name": "L2", "averageHandleTime": "00:04:00" } ] },
          "roster": { "groups": [ { "name": "front", "tier": "L1", "count": 1 }, { "name": "back", "tier": "L2", "count": 4 } ] },
          "ticketClasses": [
            { "name": "question", "share": 0.7, "priority": "P3", "skills": [ "general" ], "handling": { "*": { "kind": "exponential", "mean": 4 } }, "resolve": { "L1": 0.8 } },
            { "name": "outage", "share": 0.3, "priority": "P1", "handling": { "*": { "kind": "lognormal", "mean": 3, "stdDev": 2 } },
              "patience": { "kind": "exponential", "mean": 30 } }
          ],
          "demand": { "baseVolume": 60, "intervalMinutes": 15 },
          "serviceLevel": { "threshold": "00:05:00", "target": 0.8 }
        }
        """;

    internal const string Strict = """{ "tiers": [ { "name": "L1" }, { "name": "L2" } ], "borrowing": { "enabled": false, "minWait": "00:00:30" } }""";
    internal const string Borrow = """{ "tiers": [ { "name": "L1" }, { "name": "L2" } ], "borrowing": { "enabled": true, "minWait": "00:00:30" } }""";

    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"lt-scenario-{Guid.NewGuid():N}");

    public ScenarioReplayTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static NamedPolicy Policy(string name, string json) => new(name, DeskSettingsJson.Read(json).Value!);

    private static string Describe(ScenarioWorkload w, int k)
    {
        var t = w.Tickets[k];
        var spec = w.Ticket("desk", "t", k);
        var c = System.Globalization.CultureInfo.InvariantCulture;
        return string.Join(
            " ",
            t.Number.ToString(c), t.ArrivalMinutes.ToString("R", c), t.ClassName, spec.Priority, string.Join("+", spec.Skills), spec.EntryTier,
            string.Join("/", t.HandlingMinutes.Select(h => h.ToString("R", c))), string.Join("/", t.ResolvesAt), t.PatienceMinutes.ToString("R", c),
            w.Handling(k, 0).Wall.Ticks.ToString(c), w.Handling(k, 0).Escalate, w.Patience(k)?.Ticks.ToString(c));
    }

    [Fact]
    public void Every_policy_meets_the_same_tickets_ticket_by_ticket()
    {
        var scenario = ScenarioJson.Read(Starved).Value!;
        ScenarioWorkload Workload(NamedPolicy p, int replication) =>
            new(PolicySimulation.WithPolicy(scenario, p), "starved", replication, 600, TimeSpan.FromSeconds(1.5));

        var strict = Workload(Policy("strict", Strict), 1);
        var borrow = Workload(Policy("borrow", Borrow), 1);
        var other = Workload(Policy("strict", Strict), 2);

        Assert.False(strict.DeskSettings().Borrowing.Enabled);
        Assert.True(borrow.DeskSettings().Borrowing.Enabled);
        Assert.InRange(strict.Tickets.Count, 35, 90);
        Assert.Equal(
            Enumerable.Range(0, strict.Tickets.Count).Select(k => Describe(strict, k)),
            Enumerable.Range(0, borrow.Tickets.Count).Select(k => Describe(borrow, k)));
        var strictArrivals = Assert.IsType<SupportQueue.LoadTests.Runner.ReplaySimulation>(strict.Arrivals()).Offsets;
        Assert.Equal(strictArrivals, Assert.IsType<SupportQueue.LoadTests.Runner.ReplaySimulation>(borrow.Arrivals()).Offsets);

        // Both classes, drawn with their own attributes: "outage" has no skill and a patience, "question" the reverse.
        Assert.Contains(strict.Tickets, t => t.ClassName == "outage" && t.Priority == Priority.P1 && t.Skills.IsEmpty && double.IsFinite(t.PatienceMinutes));
        Assert.Contains(strict.Tickets, t => t.ClassName == "question" && t.Skills.SequenceEqual(["general"]) && double.IsPositiveInfinity(t.PatienceMinutes));
        Assert.Contains(strict.Tickets, t => t.ClassName == "question" && !t.ResolvesAt[0]);
        Assert.All(strict.Tickets, t => Assert.True(t.ResolvesAt[^1]));

        // Another replication is another stream: the check above could fail.
        Assert.NotEqual(Describe(strict, 0), Describe(other, 0));
    }

    [Fact]
    public void Agents_follow_the_roster_shifts_and_breaks()
    {
        var scenario = ScenarioJson.Read(Starved).Value! with
        {
            Horizon = TimeSpan.FromDays(1),
            Roster = new Core.Simulation.RosterSpec([
                new("day", "L1", 2, [new SkillLevel("general", 3)], 2,
                    [new Core.Simulation.ShiftSpec([], TimeSpan.FromHours(9), TimeSpan.FromHours(17), [new(TimeSpan.FromHours(2), TimeSpan.FromMinutes(15))])]),
                new("back", "L2", 1)]),
        };

        var (agents, changes) = ScenarioDraw.Roster(scenario, 0, "run-", "desk", 1440);

        Assert.Equal(["run-day-001:L1:2:general", "run-day-002:L1:2:general", "run-back-001:L2:1:"], agents.Select(a => $"{a.AgentId}:{a.Tier}:{a.Capacity}:{string.Join(",", a.Skills.Select(s => s.Skill))}"));
        Assert.Equal(
            ["0:2:Available", "540:0:Available", "540:1:Available", "660:0:Break", "660:1:Break", "675:0:Available", "675:1:Available", "1020:0:Offline", "1020:1:Offline"],
            changes.OrderBy(c => c.Minutes).ThenBy(c => c.AgentIndex).Select(c => FormattableString.Invariant($"{c.Minutes}:{c.AgentIndex}:{c.Presence}")));
    }

    [Fact]
    public async Task An_invalid_scenario_gets_simulates_errors_and_exit_2()
    {
        const string Bad = """{ "name": "bad", "horizon": "500.00:00:00", "desk": { "tiers": [ { "name": "L1" } ] }, "demand": { "intervalMinutes": 15 } }""";
        var path = Write("bad.json", Bad);

        var (exit, output, error) = await LoadCli.RunAsync("run", "--scenario", path, "--no-live");

        Assert.True(exit == 2, output + error);
        var expected = ScenarioJson.Read(Bad).Errors;
        Assert.Contains(expected, e => e.StartsWith("$.horizon", StringComparison.Ordinal));
        Assert.Contains($"{path}: invalid scenario, nothing was run", error, StringComparison.Ordinal);
        Assert.All(expected, e => Assert.Contains(e, error, StringComparison.Ordinal));

        var (missingExit, _, missing) = await LoadCli.RunAsync("bench", "--scenario", Path.Combine(_dir, "nope.json"));
        Assert.Equal(2, missingExit);
        Assert.Contains("nope.json' — file not found", missing, StringComparison.Ordinal);

        // A policy whose tiers are not the scenario's is refused before any silo starts.
        var (fitExit, _, fit) = await LoadCli.RunAsync("run", "--scenario", Write("starved.json", Starved), "--policy", Write("front.json", """{ "tiers": [ { "name": "front" } ] }"""));
        Assert.Equal(2, fitExit);
        Assert.Contains("--policy front: does not fit scenario", fit, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Category", "RealTime")]
    public async Task Live_compare_on_a_scenario_finds_the_better_policy_as_the_simulator_does()
    {
        var outDir = Path.Combine(_dir, "out");
        var scenarioFile = Write("starved.json", Starved);

        var (exit, console, error) = await LoadCli.RunAsync("compare", "--scenario", scenarioFile, "--policy", Write("strict.json", Strict), "--policy", Write("borrow.json", Borrow),
            "--seeds", "3", "--compress", "600", "--duration", "1500ms", "--warmup", "0", "--tail", "300ms", "--no-live", "--out", outDir);

        Assert.True(exit == 0, console + error);
        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(outDir, "summary.json")));
        Assert.Equal(3, summary.RootElement.GetProperty("seeds").GetArrayLength());
        var live = summary.RootElement.GetProperty("rows").EnumerateArray()
            .Single(r => r.GetProperty("tier").GetString() == "L1" && r.GetProperty("metric").GetString() == "service_level" && r.GetProperty("policy").GetString() == "borrow")
            .GetProperty("difference").GetProperty("mean").GetDouble();
        Assert.True(live > 0, console);
        Assert.Contains(summary.RootElement.GetProperty("rows").EnumerateArray(), r => r.GetProperty("metric").GetString() == "submit_assign_p99");

        // The simulator's compare on the same scenario and replications points the same way.
        var scenario = ScenarioJson.Read(Starved).Value!;
        var simulated = PolicySimulation.Compare(scenario, [Policy("strict", Strict), Policy("borrow", Borrow)], replications: 3);
        var row = simulated.Find("L1", ComparisonMetric.ServiceLevel.Key, "borrow");
        Assert.True(row?.Difference?.Mean > 0, string.Join("; ", simulated.Verdicts()));
    }
}
