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

    /// <summary>
    /// A three-tier Jackson network: Poisson arrivals at L1, exponential handling, each tier resolves
    /// a fixed share and escalates the rest to the next, FIFO at each tier (the default queue order).
    /// By Jackson's theorem each tier then behaves as an independent M/M/c queue fed at its own rate,
    /// so its wait is P(W &gt; t) = C(c, a)·e^(−(cμ − λ)t), with C the Erlang C probability of waiting.
    /// Each tier has its own service-level threshold (serviceLevel.tiers). Thirteen figures are checked,
    /// so each is held to its 99.9 % CI (Bonferroni: ≤ 1.3 % family-wise false alarms if the engine is right).
    /// </summary>
    [Fact]
    public void Three_tier_Jackson_network_meets_the_closed_form_at_every_tier_in_tier_arrival_order()
    {
        var summary = Run(JacksonNetwork(SupportQueue.Core.Model.QueueOrder.TierArrival));
        var lambda = 100 / 30.0;
        (double Lambda, double Aht, int Agents, double Threshold)[] tiers =
        [
            (lambda, 3, 12, 1),
            (lambda * 0.4, 6, 10, 3),
            (lambda * 0.4 * 0.5, 12, 10, 6),
        ];
        for (var t = 0; t < tiers.Length; t++)
        {
            var (rate, aht, agents, threshold) = tiers[t];
            var name = $"L{t + 1}";
            var wait = ErlangCProbabilityOfWait(agents, rate * aht);
            var decay = agents / aht - rate;
            AssertInside99(summary, $"{name}.probabilityOfWait", wait);
            AssertInside99(summary, $"{name}.serviceLevel", 1 - (wait * Math.Exp(-decay * threshold)));
            AssertInside99(summary, $"{name}.asaMinutes", wait / decay);
            AssertInside99(summary, $"{name}.occupancy", rate * aht / agents);

            // The closed form computed here agrees with the engine's own Erlang C.
            Assert.Equal(ErlangC.Evaluate(rate, aht, agents, threshold).ServiceLevel, 1 - (wait * Math.Exp(-decay * threshold)), 9);
        }

        AssertInside99(summary, "L1.escalationRate", 0.4);
    }

    /// <summary>
    /// Ticket-age order is a choice, not an accident: escalated tickets go ahead of younger ones at
    /// L2 and L3, which leaves the mean wait as it was (work-conserving, same service) but moves the
    /// wait distribution, so the same seeds give a different per-tier service level.
    /// </summary>
    [Fact]
    public void Ticket_age_order_keeps_the_mean_wait_but_changes_the_service_level_at_escalation_tiers()
    {
        var fifo = Run(JacksonNetwork(SupportQueue.Core.Model.QueueOrder.TierArrival));
        var byAge = Run(JacksonNetwork(SupportQueue.Core.Model.QueueOrder.TicketAge));

        Assert.Equal(fifo.Totals["L1.serviceLevel"].Mean, byAge.Totals["L1.serviceLevel"].Mean, 12);
        Assert.NotEqual(fifo.Totals["L2.serviceLevel"].Mean, byAge.Totals["L2.serviceLevel"].Mean);
        AssertInside99(byAge, "L2.asaMinutes", ErlangCProbabilityOfWait(10, 8) / (10 / 6.0 - (100 / 30.0 * 0.4)));
    }

    private static Scenario JacksonNetwork(SupportQueue.Core.Model.QueueOrder order)
    {
        var scenario = Scenarios.MMc(100, 3, 12, replications: 16, days: 3);
        var handling = System.Collections.Immutable.ImmutableDictionary<string, SupportQueue.Core.Randomness.DistributionSpec>.Empty
            .Add("L1", SupportQueue.Core.Randomness.DistributionSpec.Exponential(3))
            .Add("L2", SupportQueue.Core.Randomness.DistributionSpec.Exponential(6))
            .Add("L3", SupportQueue.Core.Randomness.DistributionSpec.Exponential(12));
        return scenario with
        {
            Desk = SupportQueue.Core.Model.DeskSettings.Default with
            {
                Tiers = [new("L1"), new("L2"), new("L3")],
                AgingStep = null,
                QueueOrder = order,
            },
            Roster = new RosterSpec([new AgentGroupSpec("l1", "L1", 12), new AgentGroupSpec("l2", "L2", 10), new AgentGroupSpec("l3", "L3", 10)]),
            TicketClasses =
            [
                scenario.TicketClasses[0] with
                {
                    Handling = handling,
                    Resolve = System.Collections.Immutable.ImmutableDictionary<string, double>.Empty.Add("L1", 0.6).Add("L2", 0.5),
                },
            ],
            ServiceLevel = new ServiceLevelSpec(TimeSpan.FromMinutes(1), 0.8, Tiers: System.Collections.Immutable.ImmutableDictionary<string, TierServiceLevel>.Empty
                .Add("L2", new TierServiceLevel(TimeSpan.FromMinutes(3)))
                .Add("L3", new TierServiceLevel(TimeSpan.FromMinutes(6)))),
        };
    }

    /// <summary>Erlang C by the Erlang B recursion, written out here so the test does not lean on the code it checks.</summary>
    private static double ErlangCProbabilityOfWait(int agents, double load)
    {
        var b = 1.0;
        for (var k = 1; k <= agents; k++)
        {
            b = load * b / (k + (load * b));
        }

        return agents * b / (agents - (load * (1 - b)));
    }

    private static void AssertInside99(SimulationSummary summary, string key, double expected)
    {
        var values = summary.Runs.Select(r => r.Totals.Values[key]).ToArray();
        var ci = SupportQueue.Core.Statistics.ConfidenceInterval.FromSample(values, 0.999);
        Assert.True(ci.Contains(expected), $"{key}: analytic {expected:F6} outside the 99.9% CI {ci.Lower:F6} … {ci.Upper:F6} (mean {ci.Mean:F6})");
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
