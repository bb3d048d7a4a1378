using SupportQueue.Core.Queueing;
using SupportQueue.Core.Simulation;

namespace SupportQueue.Core.Tests.Simulation;

/// <summary>
/// The simulator against queueing theory: each analytic value must lie inside the 95% confidence
/// interval of the replications (design.md, Reference numbers).
/// </summary>
public sealed class AnalyticValidationTests
{
    private static SimulationSummary Run(Scenario scenario) =>
        SimulationSummary.Merge(Enumerable.Range(0, scenario.Replications).Select(r => new SimulationRun(scenario, r).RunFast()).ToArray());

    private static void AssertInside(SimulationSummary summary, string key, double expected)
    {
        var ci = summary.Totals[key];
        Assert.True(ci.Contains(expected), $"{key}: analytic {expected:F6} outside the 95% CI {ci.Lower:F6} … {ci.Upper:F6} (mean {ci.Mean:F6})");
    }

    [Fact]
    public void Erlang_C_callcentrehelper_case_with_14_agents()
    {
        // 100 calls per 30 minutes, AHT 180 s, N = 14, target 20 s.
        var summary = Run(Scenarios.MMc(100, 3, 14, replications: 12, days: 3));
        var expected = ErlangC.Evaluate(100 / 30.0, 3, 14, 20 / 60.0);

        AssertInside(summary, "L1.probabilityOfWait", 0.174132);
        AssertInside(summary, "L1.serviceLevel", 0.888350);
        AssertInside(summary, "L1.asaMinutes", 7.84 / 60);
        AssertInside(summary, "L1.occupancy", 0.714286);
        Assert.Equal(0.174132, expected.ProbabilityOfWait, 5);
    }

    [Fact]
    public void MM1_mean_wait_in_queue()
    {
        // λ = 5, μ = 8 per hour: Wq = 5/24 hours.
        var summary = Run(Scenarios.MMc(2.5, 7.5, 1, replications: 12, days: 20));
        AssertInside(summary, "L1.asaMinutes", 5.0 / 24 * 60);
    }

    [Fact]
    public void Erlang_A_pyworkforce_case_with_abandonment()
    {
        // 100 calls per 30 minutes, AHT 3 min, mean patience 5 min, N = 14, T = 20 s.
        var summary = Run(Scenarios.MMc(100, 3, 14, replications: 12, days: 3, patienceMinutes: 5));

        AssertInside(summary, "abandonRate", 0.013984);
        AssertInside(summary, "serviceLevel", 0.916792);
        AssertInside(summary, "L1.occupancy", 0.704297);
    }

    [Fact]
    public void Tiered_network_each_tier_follows_Erlang_C_on_its_own_arrival_rate()
    {
        // L1: λ = 100/30 min, AHT 3, N = 14, resolves 70%; the other 30% escalate, so L2 sees a
        // Poisson stream of λ₂ = 0.3·λ (Burke: an M/M/c queue's departures are Poisson), AHT 6, N = 8.
        var scenario = Scenarios.MMc(100, 3, 14, replications: 12, days: 3) with
        {
            Desk = SupportQueue.Core.Model.DeskSettings.Default with { Tiers = [new SupportQueue.Core.Model.TierSettings("L1"), new SupportQueue.Core.Model.TierSettings("L2")], AgingStep = null },
        };
        scenario = scenario with
        {
            Roster = new RosterSpec([new AgentGroupSpec("l1", "L1", 14), new AgentGroupSpec("l2", "L2", 8)]),
            TicketClasses =
            [
                scenario.TicketClasses[0] with
                {
                    Handling = scenario.TicketClasses[0].Handling.SetItem("L2", SupportQueue.Core.Randomness.DistributionSpec.Exponential(6)),
                    Resolve = System.Collections.Immutable.ImmutableDictionary<string, double>.Empty.Add("L1", 0.7),
                },
            ],
        };
        var summary = Run(scenario);
        var l1 = ErlangC.Evaluate(100 / 30.0, 3, 14, 20 / 60.0);
        var l2 = ErlangC.Evaluate(0.3 * 100 / 30.0, 6, 8, 20 / 60.0);

        AssertInside(summary, "L1.probabilityOfWait", l1.ProbabilityOfWait);
        AssertInside(summary, "L1.escalationRate", 0.3);
        AssertInside(summary, "L2.probabilityOfWait", l2.ProbabilityOfWait);
        AssertInside(summary, "L2.asaMinutes", l2.AverageSpeedOfAnswer);
        AssertInside(summary, "L2.occupancy", l2.Occupancy);
    }

    [Fact]
    public void Same_seed_same_result_and_another_seed_differs()
    {
        var scenario = Scenarios.MMc(100, 3, 14, replications: 1, days: 1);
        var a = new SimulationRun(scenario, 0, new SimulationOptions { RecordOutcomes = true }).RunFast();
        var b = new SimulationRun(scenario, 0, new SimulationOptions { RecordOutcomes = true }).RunFast();
        var c = new SimulationRun(scenario with { Seed = 7 }, 0, new SimulationOptions { RecordOutcomes = true }).RunFast();

        Assert.Equal(a.Outcomes.Length, b.Outcomes.Length);
        for (var i = 0; i < a.Outcomes.Length; i++)
        {
            Assert.Equal(a.Outcomes[i], b.Outcomes[i]);
        }

        Assert.Equal(a.Totals.Values["L1.asaMinutes"], b.Totals.Values["L1.asaMinutes"]);
        Assert.NotEqual(a.Outcomes.Select(o => o.Path), c.Outcomes.Select(o => o.Path));
    }
}
