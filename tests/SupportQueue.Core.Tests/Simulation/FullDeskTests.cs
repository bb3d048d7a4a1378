using SupportQueue.Core.Simulation;
using SupportQueue.Core.Statistics;

namespace SupportQueue.Core.Tests.Simulation;

/// <summary>
/// A desk at its maxOpenTickets turns customers away and the run goes on: the refusals are counted
/// like abandonments, and with Poisson arrivals they match the M/M/c/K blocking probability.
/// </summary>
public sealed class FullDeskTests
{
    /// <summary>M/M/3/6 at an offered load of 4 Erlangs: λ = 4/min, AHT 1 min, 3 agents, at most 6 tickets open.</summary>
    private static Scenario Overloaded(int replications, double days) => WithLimit(Scenarios.MMc(120, 1, 3, replications: replications, days: days), 6);

    private static Scenario WithLimit(Scenario scenario, int maxOpenTickets) => scenario with { Desk = scenario.Desk with { MaxOpenTickets = maxOpenTickets } };

    [Fact]
    public void An_overloaded_desk_runs_to_the_horizon_and_reports_the_refused_customers()
    {
        var scenario = Overloaded(1, 0.5);

        var run = new SimulationRun(scenario, 0, new SimulationOptions { RecordOutcomes = true }).RunFast();

        var refused = run.Priorities.Sum(p => p.Refused.Sum());
        var arrivals = (long)run.Totals.Values["arrivals"];
        Assert.True(refused > arrivals / 5, $"{refused} of {arrivals} refused");
        Assert.Equal(refused, run.Outcomes.Count(o => o.Ending == "refused" && o.CreatedMinutes >= scenario.WarmUp.TotalMinutes));

        // Customers keep arriving until the end: the run was not cut short by the first refusal.
        Assert.Contains(run.Outcomes, o => o.Ending == "refused" && o.CreatedMinutes > scenario.HorizonMinutes - 10);

        // A refused customer never queued: every counted arrival is resolved, abandoned, refused or still open.
        var resolved = (long)run.Totals.Values["resolved"];
        Assert.True(resolved + refused <= arrivals, $"{resolved} resolved + {refused} refused > {arrivals} arrivals");
        Assert.True(arrivals - resolved - refused <= 6, $"{arrivals - resolved - refused} left open; the desk holds at most 6");
    }

    [Fact]
    public void A_desk_with_room_refuses_nobody()
    {
        var run = new SimulationRun(WithLimit(Scenarios.MMc(120, 1, 3, replications: 1, days: 0.2), 1_000), 0).RunFast();

        Assert.All(run.Priorities, p => Assert.All(p.Refused, n => Assert.Equal(0, n)));
    }

    [Fact]
    public void Refused_share_matches_the_Erlang_loss_with_queue_blocking_probability()
    {
        var scenario = Overloaded(12, 1);
        var rates = Enumerable.Range(0, scenario.Replications)
            .Select(r => new SimulationRun(scenario, r).RunFast())
            .Select(run => (double)run.Priorities.Sum(p => p.Refused.Sum()) / run.Priorities.Sum(p => p.Arrivals.Sum()))
            .ToArray();

        var ci = ConfidenceInterval.FromSample(rates);
        var expected = BlockingProbability(offeredLoad: 4, servers: 3, capacity: 6);

        Assert.Equal(0.30783, expected, 4);
        Assert.True(ci.Contains(expected), $"M/M/3/6 blocking {expected:F5} outside the 95% CI {ci.Lower:F5} … {ci.Upper:F5}");
    }

    /// <summary>
    /// P(K customers in an M/M/c/K system), which by PASTA is the share of arrivals blocked:
    /// p(n) ∝ aⁿ/n! for n ≤ c and aⁿ/(c!·cⁿ⁻ᶜ) above, normalised over 0 … K.
    /// </summary>
    private static double BlockingProbability(double offeredLoad, int servers, int capacity)
    {
        var terms = new double[capacity + 1];
        terms[0] = 1;
        for (var n = 1; n <= capacity; n++)
        {
            terms[n] = terms[n - 1] * offeredLoad / Math.Min(n, servers);
        }

        return terms[capacity] / terms.Sum();
    }
}
