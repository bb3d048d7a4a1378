using SupportQueue.Core.Queueing;
using SupportQueue.Core.Randomness;
using SupportQueue.Core.Simulation;

namespace SupportQueue.Client.Simulation;

/// <summary>
/// The closed-form figures for a scenario simple enough to have them: one tier, flat demand (Poisson
/// at a constant rate), every agent on duty around the clock with no shrinkage, one priority, no
/// required skills, exponential handling with one mean, and either no abandonment (Erlang C) or
/// exponential patience with one mean (Erlang A), no reopening. Shown beside the simulated figures
/// as a check a planner can make without trusting the simulator.
/// </summary>
/// <param name="Method">ErlangC or ErlangA.</param>
/// <param name="ArrivalRate">Tickets per minute.</param>
/// <param name="AhtMinutes">Mean handling time.</param>
/// <param name="PatienceMinutes">Mean patience; null for Erlang C.</param>
/// <param name="Servers">Agents × capacity: tickets handled at once.</param>
/// <param name="Metrics">The steady-state figures, times in minutes, service level at the tier's threshold.</param>
public sealed record ErlangBaseline(StaffingMethod Method, double ArrivalRate, double AhtMinutes, double? PatienceMinutes, int Servers, QueueMetrics Metrics)
{
    /// <summary>The baseline of <paramref name="scenario"/>, or null when it is not a stationary single-tier case (or is unstable).</summary>
    public static ErlangBaseline? For(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var demand = scenario.Demand;
        if (scenario.Desk.TierCount != 1 || demand.BaseVolume is not { } volume || volume <= 0
            || !Flat(demand.Intraday) || !Flat(demand.DayOfWeek) || demand.Seasons is { Count: > 0 } || demand.Events is { Count: > 0 }
            || scenario.Roster.Shrinkage != 0 || scenario.Roster.Groups.Any(g => !g.Shifts.IsDefaultOrEmpty))
        {
            return null;
        }

        var classes = scenario.TicketClasses;
        if (classes.Select(c => c.Priority).Distinct().Count() != 1 || classes.Any(c => !c.Skills.IsDefaultOrEmpty || c.Reopen is { Probability: > 0 }))
        {
            return null;
        }

        var tier = scenario.Desk.Tiers[0].Name;
        var aht = SameExponentialMean(classes.Select(c => c.HandlingAt(tier)));
        var patience = classes.All(c => c.Patience is null) ? null : SameExponentialMean(classes.Select(c => c.Patience));
        if (aht is null || (patience is null && classes.Any(c => c.Patience is not null)))
        {
            return null;
        }

        var servers = scenario.Roster.Groups.Sum(g => g.Count * g.Capacity);
        var rate = volume / scenario.IntervalMinutes;
        var threshold = scenario.TierObjective(0).Threshold.TotalMinutes;
        if (servers < 1 || (patience is null && rate * aht.Value >= servers))
        {
            return null;
        }

        return patience is { } p
            ? new ErlangBaseline(StaffingMethod.ErlangA, rate, aht.Value, p, servers, ErlangA.Evaluate(rate, aht.Value, p, servers, threshold))
            : new ErlangBaseline(StaffingMethod.ErlangC, rate, aht.Value, null, servers, ErlangC.Evaluate(rate, aht.Value, servers, threshold));
    }

    private static bool Flat(IReadOnlyList<double>? weights) => weights is null || weights.Count == 0 || weights.All(w => w == weights[0]);

    private static double? SameExponentialMean(IEnumerable<DistributionSpec?> specs)
    {
        double? mean = null;
        foreach (var spec in specs)
        {
            if (spec is not { Kind: DistributionKind.Exponential, Mean: { } m } || (mean is { } seen && seen != m))
            {
                return null;
            }

            mean = m;
        }

        return mean;
    }
}
