using System.Collections.Immutable;
using SupportQueue.Core.Randomness;
using SupportQueue.Core.Simulation;
using SupportQueue.Core.Statistics;

namespace SupportQueue.Core.Tests.Simulation;

/// <summary>
/// Every total leaves the warm-up out, time as well as tickets: a desk that starts empty must not
/// have its slow start counted against its occupancy.
/// </summary>
public sealed class WarmUpExclusionTests
{
    /// <summary>
    /// M/M/20 with four-hour handling at ρ = 0.8: from empty it takes most of a working day to fill
    /// (the busy count approaches 16 as 1 − e^(−t/240 min)), so a 16-hour warm-up is needed. Counting
    /// the warm-up would cost about 16·240 / (20·36 h) ≈ 9 points of occupancy; left out, the rest
    /// of the ramp is worth 0.3 points.
    /// </summary>
    private static Scenario SlowFilling(int replications = 200) => Scenarios.MMc(2, 240, 20, replications: replications, days: 1.5) with
    {
        WarmUp = TimeSpan.FromHours(16),
        TicketClasses =
        [
            new TicketClassSpec("case", 1, SupportQueue.Core.Model.Priority.P3, ImmutableDictionary<string, DistributionSpec>.Empty.Add("*", DistributionSpec.Exponential(240))),
        ],
    };

    [Fact]
    public void Staffed_time_is_counted_from_the_end_of_the_warm_up()
    {
        var run = new SimulationRun(SlowFilling(), 0).RunFast();
        var staffed = run.Tiers[0].StaffedMinutes;

        // 20 agents on duty around the clock, counted for the 20 hours after the warm-up only.
        Assert.Equal(20 * 20 * 60, staffed.Sum(), 6);
        Assert.All(staffed.Take(32), minutes => Assert.Equal(0, minutes));
        Assert.All(run.Tiers[0].BusyMinutes.Take(32), minutes => Assert.Equal(0, minutes));
        Assert.True(run.Tiers[0].BusyMinutes.Skip(32).Sum() > 0);
    }

    [Fact]
    public void Occupancy_after_a_long_warm_up_is_the_offered_load_per_agent()
    {
        var scenario = SlowFilling();
        var runs = Enumerable.Range(0, scenario.Replications).Select(r => new SimulationRun(scenario, r).RunFast()).ToArray();
        var ci = ConfidenceInterval.FromSample(runs.Select(r => r.Totals.Values["L1.occupancy"]).ToArray(), 0.99);

        // λ·AHT / N = (2 / 30 min) · 240 min / 20 = 0.8. One replication's occupancy has a standard
        // deviation of about 0.13 here (M/M/∞ approximation: busy count variance 16, correlation time
        // 240 min, 1200 min counted), so 200 replications give a 99% CI of about ±0.023.
        Assert.True(ci.Contains(0.8), $"occupancy 99% CI {ci.Lower:F4} … {ci.Upper:F4} (mean {ci.Mean:F4}) does not hold 0.8");
    }
}
