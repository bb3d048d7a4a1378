using System.Collections.Immutable;
using SupportQueue.Core.Model;
using SupportQueue.Core.Queueing;
using SupportQueue.Core.Randomness;

namespace SupportQueue.Core.Simulation;

/// <summary>
/// Agents needed per interval and tier to meet that tier's service-level objective, sized from
/// the load the simulation actually offered each tier (escalations and reopens included), set
/// against the agents the roster supplied. Intervals inside the warm-up are left out: their
/// tickets are not counted, so their load would read as zero.
/// </summary>
public sealed record StaffingPlan(
    TimeSpan Threshold,
    double Target,
    int IntervalMinutes,
    ImmutableArray<StaffingPlanRow> Rows)
{
    /// <summary>Erlang C and A never reach a service level of exactly 1; a 100 % target is sized at this instead.</summary>
    public const double MaxTarget = 0.9999;

    public static StaffingPlan Build(Scenario scenario, SimulationSummary summary)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(summary);
        var desk = scenario.Desk;
        var minutes = (double)scenario.IntervalMinutes;
        var firstCounted = (int)Math.Ceiling(scenario.WarmUp.TotalMinutes / minutes - 1e-9);
        var rows = ImmutableArray.CreateBuilder<StaffingPlanRow>();
        for (var t = 0; t < desk.TierCount; t++)
        {
            var tier = desk.Tiers[t].Name;
            // Each tier is sized for its own objective (serviceLevel.tiers), defaulting to the desk-wide one.
            var objective = scenario.TierObjective(t);
            var threshold = objective.Threshold.TotalMinutes;
            var target = Math.Min(objective.Target, MaxTarget);
            var offered = summary.MeanSeries(r => Longs(r.Tiers[t].Offered));
            var staffed = summary.MeanSeries(r => r.Tiers[t].StaffedMinutes);
            var aht = ObservedAht(summary, t) ?? ScenarioAht(scenario, t);
            var patience = PatienceAt(scenario, t);
            var capacity = TierCapacity(scenario, tier);
            for (var i = Math.Min(firstCounted, offered.Length); i < offered.Length; i++)
            {
                var rate = offered[i] / minutes;
                var load = rate * aht;
                var staffedAgents = staffed[i] / minutes / capacity;
                var start = scenario.Start.AddMinutes(i * minutes);
                if (rate <= 0)
                {
                    rows.Add(new StaffingPlanRow(i, start, tier, 0, 0, aht, patience, 0, StaffingMethod.None, 0, 0, staffedAgents, 1));
                    continue;
                }

                var metrics = patience is { } p
                    ? StaffingSolver.ErlangA(rate, aht, p, threshold, target)
                    : StaffingSolver.ErlangC(rate, aht, threshold, target);
                var agents = (int)Math.Ceiling(metrics.Agents / capacity - 1e-9);
                rows.Add(new StaffingPlanRow(
                    i, start, tier, offered[i], rate, aht, patience, load,
                    patience is null ? StaffingMethod.ErlangC : StaffingMethod.ErlangA,
                    metrics.Agents, agents, staffedAgents, metrics.ServiceLevel));
            }
        }

        return new StaffingPlan(scenario.ServiceLevel.Threshold, scenario.ServiceLevel.Target, scenario.IntervalMinutes, rows.ToImmutable());
    }

    /// <summary>The row needing the most agents for each tier (earliest on ties).</summary>
    public IReadOnlyList<StaffingPlanRow> PeakRows() =>
        [.. Rows.GroupBy(r => r.Tier, StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(r => r.RequiredAgents).ThenBy(r => r.Interval).First())];

    /// <summary>Intervals where the roster supplied fewer agents than required, per tier.</summary>
    public int ShortIntervals(string tier) => Rows.Count(r => r.Tier == tier && r.Gap < -1e-9);

    /// <summary>
    /// Handling time observed at the tier over every replication: the time agents actually spent
    /// per ticket there, whatever mix of classes reached it. Null when nothing was handled.
    /// </summary>
    public static double? ObservedAht(SimulationSummary summary, int tier)
    {
        ArgumentNullException.ThrowIfNull(summary);
        double minutes = 0;
        long handled = 0;
        foreach (var run in summary.Runs)
        {
            minutes += run.Tiers[tier].HandleMinutes.Sum();
            handled += run.Tiers[tier].Handled.Sum();
        }

        return handled > 0 && minutes > 0 ? minutes / handled : null;
    }

    /// <summary>
    /// Share-weighted mean handling time at the tier over the classes that can reach it (those
    /// entering at or below it); the desk's handle-time estimate when none can.
    /// </summary>
    public static double ScenarioAht(Scenario scenario, int tier)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var name = scenario.Desk.Tiers[tier].Name;
        double weighted = 0, shares = 0;
        foreach (var tc in scenario.TicketClasses)
        {
            if (EntryOf(scenario, tc) <= tier && tc.HandlingAt(name) is { } handling && MeanOf(handling) is { } mean && mean > 0)
            {
                weighted += tc.Share * mean;
                shares += tc.Share;
            }
        }

        return shares > 0 ? weighted / shares : scenario.Desk.Tiers[tier].HandleTimeEstimate.TotalMinutes;
    }

    /// <summary>
    /// Mean patience to size the tier with Erlang A, or null for Erlang C. Only a first response
    /// can be abandoned, so Erlang A fits a tier only when every ticket offered to it is waiting
    /// for its first response with a patience: every class entering there has one, and no class
    /// can be escalated into it from below (escalated tickets never abandon, and Erlang A would
    /// then understate the agents needed).
    /// </summary>
    public static double? PatienceAt(Scenario scenario, int tier)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        double weighted = 0, shares = 0;
        foreach (var tc in scenario.TicketClasses)
        {
            var entry = EntryOf(scenario, tc);
            if (entry < tier)
            {
                return null;
            }

            if (entry > tier)
            {
                continue;
            }

            if (tc.Patience is null || MeanOf(tc.Patience) is not { } mean || mean <= 0)
            {
                return null;
            }

            weighted += tc.Share * mean;
            shares += tc.Share;
        }

        return shares > 0 ? weighted / shares : null;
    }

    /// <summary>Mean of a distribution spec; null when it cannot be told (an invalid spec).</summary>
    public static double? MeanOf(DistributionSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Kind switch
        {
            DistributionKind.Exponential or DistributionKind.Lognormal => spec.Mean,
            DistributionKind.Gamma => spec.Mean ?? spec.Shape * spec.Scale,
            DistributionKind.Fixed => spec.Value,
            DistributionKind.Uniform => (spec.Min + spec.Max) / 2,
            DistributionKind.Empirical when spec.Values is { Count: > 0 } values => values.Average(),
            DistributionKind.Empirical when spec.Points is { Count: > 0 } points && points.Sum(p => p.Weight) > 0 =>
                points.Sum(p => p.Value * p.Weight) / points.Sum(p => p.Weight),
            _ => null,
        };
    }

    private static int EntryOf(Scenario scenario, TicketClassSpec tc)
    {
        var entry = tc.EntryTier is null ? 0 : scenario.Desk.TierIndex(tc.EntryTier);
        if (entry <= 0 && tc.EntryTier is null)
        {
            // The desk's severity bypass moves a whole priority's entry point.
            foreach (var rule in scenario.Desk.Escalation.IsDefault ? [] : scenario.Desk.Escalation)
            {
                if (rule.Kind == EscalationRuleKind.SeverityBypass && rule.Priority == tc.Priority && scenario.Desk.TierIndex(rule.EntryTier) is var bypass and >= 0)
                {
                    entry = bypass;
                }
            }
        }

        return Math.Max(0, entry);
    }

    /// <summary>Ticket slots per agent on the tier, averaged over its head count (1 when nobody is rostered).</summary>
    public static double TierCapacity(Scenario scenario, string tier)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        double slots = 0, agents = 0;
        foreach (var group in scenario.Roster.Groups)
        {
            if (string.Equals(group.Tier, tier, StringComparison.OrdinalIgnoreCase))
            {
                slots += (double)group.Count * group.Capacity;
                agents += group.Count;
            }
        }

        return agents > 0 ? slots / agents : 1;
    }

    private static double[] Longs(ImmutableArray<long> values)
    {
        var result = new double[values.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = values[i];
        }

        return result;
    }
}
