using System.Collections.Immutable;
using SupportQueue.Core.Demand;
using SupportQueue.Core.History;
using SupportQueue.Core.Model;
using SupportQueue.Core.Randomness;
using SupportQueue.Core.Simulation;

namespace SupportQueue.Core.Tests.Simulation;

/// <summary>
/// Replay (<c>simulate --arrivals</c>): a trace written from a simulated run, replayed under the same
/// settings, gives that run's outcomes back; under a clearly worse roster the service level falls.
/// </summary>
public class ArrivalReplayTests
{
    private static readonly TimeSpan _threshold = TimeSpan.FromMinutes(2);

    /// <summary>Two tiers, two classes, escalation and abandonment, about 85 % busy at L1.</summary>
    internal static Scenario TwoTiers(int l1Agents = 9, int l2Agents = 8) => new()
    {
        Name = "replay",
        Horizon = TimeSpan.FromDays(1),
        Replications = 1,
        Seed = 424242,
        Desk = DeskSettings.Default with { Tiers = [new TierSettings("L1"), new TierSettings("L2")], AgingStep = null },
        Roster = new RosterSpec([new AgentGroupSpec("front", "L1", l1Agents), new AgentGroupSpec("back", "L2", l2Agents)]),
        TicketClasses =
        [
            new TicketClassSpec("billing", 0.7, Priority.P3,
                ImmutableDictionary<string, DistributionSpec>.Empty.Add("L1", DistributionSpec.Lognormal(4, 2)).Add("L2", DistributionSpec.Exponential(12)),
                Skills: [], Resolve: ImmutableDictionary<string, double>.Empty.Add("L1", 0.85), Patience: DistributionSpec.Exponential(8)),
            new TicketClassSpec("outage", 0.3, Priority.P2,
                ImmutableDictionary<string, DistributionSpec>.Empty.Add("L1", DistributionSpec.Gamma(6, 3)).Add("L2", DistributionSpec.Lognormal(20, 10)),
                Skills: [], Resolve: ImmutableDictionary<string, double>.Empty.Add("L1", 0.6), Patience: DistributionSpec.Exponential(15)),
        ],
        Demand = new DemandProfile { BaseVolume = 50, IntervalMinutes = 30 },
        ServiceLevel = new ServiceLevelSpec(_threshold),
    };

    private static IReadOnlyList<TicketHistoryRecord> Run(Scenario scenario) =>
        SimulatedHistory.FromOutcomes(scenario, new SimulationRun(scenario, 0, new SimulationOptions { RecordOutcomes = true }).RunFast().Outcomes);

    private static (double ServiceLevel, double Abandoned, double Escalated) Figures(IReadOnlyList<TicketHistoryRecord> trace) =>
    (
        trace.Count(r => r.FirstResponseMinutes <= _threshold.TotalMinutes) / (double)trace.Count,
        trace.Count(r => r.Outcome == HistoryOutcome.Abandoned) / (double)trace.Count,
        trace.Count(r => r.Escalations.Length > 0) / (double)trace.Count);

    [Fact]
    public void Replaying_a_simulated_run_under_the_same_settings_reproduces_its_outcomes()
    {
        var scenario = TwoTiers();
        var recorded = Run(scenario);

        // Through the file format, as a user would: written, read back against the desk's tiers.
        var trace = TicketHistoryCsv.Parse(TicketHistoryCsv.Write(recorded), ["L1", "L2"]);
        var replay = ArrivalReplay.Prepare(scenario, trace);
        Assert.Empty(replay.Validate());
        var replayed = Run(replay);

        var before = Figures(recorded);
        var after = Figures(replayed);

        // Stated tolerance: service level, abandonment and escalation rates within 1.5 points; the
        // ticket count within 1 % (tickets open at the horizon are in neither trace); and at least
        // 95 % of tickets end the same way. Exact agreement is not expected: times pass through
        // the file at 6 ms resolution, which can reorder near-ties.
        Assert.InRange(recorded.Count, 2000, 2800);
        Assert.InRange(Math.Abs(replayed.Count - recorded.Count), 0, recorded.Count / 100);
        Assert.InRange(Math.Abs(after.ServiceLevel - before.ServiceLevel), 0, 0.015);
        Assert.InRange(Math.Abs(after.Abandoned - before.Abandoned), 0, 0.015);
        Assert.InRange(Math.Abs(after.Escalated - before.Escalated), 0, 0.015);
        var byId = replayed.ToDictionary(r => r.Id);
        var same = recorded.Count(r => byId.TryGetValue(r.Id, out var x) && x.Outcome == r.Outcome && x.Tiers.SequenceEqual(r.Tiers));
        Assert.True(same >= 0.95 * recorded.Count, $"{same} of {recorded.Count} tickets ended the same way");

        // The replay used the recorded arrivals and attributes ticket by ticket.
        Assert.All(replayed, r => Assert.Equal(byId[r.Id].Created, r.Created));
        Assert.Equal(recorded.Select(r => r.Priority).Order(), replayed.Select(r => r.Priority).Order());
    }

    [Fact]
    public void Under_a_clearly_worse_roster_the_service_level_of_the_replay_falls()
    {
        var scenario = TwoTiers();
        var trace = Run(scenario);

        var same = Figures(Run(ArrivalReplay.Prepare(scenario, trace)));
        var worse = Figures(Run(ArrivalReplay.Prepare(TwoTiers(l1Agents: 7), trace)));

        Assert.True(worse.ServiceLevel < same.ServiceLevel - 0.1, $"service level {same.ServiceLevel:P1} with 9 at L1, {worse.ServiceLevel:P1} with 7");
        Assert.True(worse.Abandoned > same.Abandoned, $"abandoned {same.Abandoned:P1} with 9 at L1, {worse.Abandoned:P1} with 7");
    }

    [Fact]
    public void Recorded_handling_is_used_where_known_and_the_class_distribution_elsewhere()
    {
        var scenario = TwoTiers();
        var created = new DateTime(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);
        TicketHistoryRecord[] trace =
        [
            new("A", created, Priority.P3, [], "billing", "L1", ["L1", "L2"], [new TierMinutes("L1", 30), new TierMinutes("L2", 45)], [], 0, HistoryOutcome.Resolved, null),
            new("B", created.AddMinutes(1), Priority.P1, [], "unknown", "L1", ["L1"], [], [], null, HistoryOutcome.Resolved, null),
        ];

        var replay = ArrivalReplay.Prepare(scenario, trace);
        var run = Run(replay);
        // The run numbers tickets in arrival order.
        var a = run.Single(r => r.Id == "T1");
        var b = run.Single(r => r.Id == "T2");

        Assert.Equal(["L1", "L2"], a.Tiers.ToArray());
        Assert.Equal(30, a.HandlingAt("L1")!.Value, 3);
        Assert.Equal(45, a.HandlingAt("L2")!.Value, 3);
        Assert.Equal(["L1"], b.Tiers.ToArray());
        Assert.Equal(Priority.P1, b.Priority);
        Assert.Equal(TimeSpan.FromDays(1), replay.Horizon);
        Assert.Contains(ArrivalReplay.Sources(replay), s => s.Quantity == "handling time" && s.Source.StartsWith("trace for 2 of 3 tier stays", StringComparison.Ordinal));
    }

    [Fact]
    public void A_trace_naming_a_tier_the_desk_lacks_is_refused()
    {
        var created = new DateTime(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);
        var replay = ArrivalReplay.Prepare(TwoTiers(), [new("A", created, Priority.P3, [], null, "L1", ["L1", "L3"], [], [], null, HistoryOutcome.Resolved, null)]);

        Assert.Contains(replay.Validate(), e => e.Contains("'L3' — no such tier", StringComparison.Ordinal));
    }
}
