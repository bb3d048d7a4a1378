using System.Collections.Immutable;
using SupportQueue.Core.Demand;
using SupportQueue.Core.Model;
using SupportQueue.Core.Queueing;
using SupportQueue.Core.Randomness;
using SupportQueue.Core.Simulation;

namespace SupportQueue.Core.History;

/// <summary>
/// Drafts a scenario from a ticket-history trace (<c>scenario fit</c>):
/// <list type="bullet">
/// <item>demand: 30-minute intraday weights × day-of-week factors from the counts per slot and weekday;</item>
/// <item>classes: the trace's classes (or its priorities when it names none) with their shares, and
/// each class's most common priority, skill set and entry tier;</item>
/// <item>handling per class and tier: exponential or lognormal by maximum likelihood, whichever has the
/// smaller Kolmogorov–Smirnov distance; pooled over classes when a class has fewer than
/// <see cref="MinSamples"/> stays at a tier;</item>
/// <item>escalation: per class and tier, escalations after service over services;</item>
/// <item>patience: exponential, maximum likelihood with censoring — abandons are events at their
/// waiting time, answered tickets censored at their first response (mean = exposure / abandons).</item>
/// </list>
/// Desk, roster and service level come from a base scenario when given; otherwise one 24/7 group
/// per tier sized by Erlang C at the busiest half hour. Pure: the caller reads the file.
/// </summary>
public static class HistoryFit
{
    /// <summary>Fewer stays than this at a tier and a class borrows the pooled fit.</summary>
    public const int MinSamples = 30;

    private const int Interval = 30;
    private const int SlotsPerDay = 1440 / Interval;

    public static HistoryFitResult Fit(IReadOnlyList<TicketHistoryRecord> trace, Scenario? baseScenario = null)
    {
        ArgumentNullException.ThrowIfNull(trace);
        if (trace.Count == 0)
        {
            throw new ArgumentException("the trace holds no tickets", nameof(trace));
        }

        var notes = ImmutableArray.CreateBuilder<string>();
        var tiers = TierOrder(trace, baseScenario);
        var firstDay = trace[0].Created.Date;
        var days = (int)(trace[^1].Created.Date - firstDay).TotalDays + 1;
        var demand = Demand(trace, firstDay, days, notes);

        var groups = trace.GroupBy(ClassName).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        var handling = ImmutableArray.CreateBuilder<FittedHandling>();
        var escalation = ImmutableArray.CreateBuilder<FittedRate>();
        var patience = ImmutableArray.CreateBuilder<FittedRate>();
        var pooled = tiers.ToDictionary(t => t, t => DistributionFit.Fit("*", t, Stays(trace, t)), StringComparer.Ordinal);
        var pooledPatience = Patience("*", trace);
        var classes = ImmutableArray.CreateBuilder<TicketClassSpec>();
        foreach (var group in groups)
        {
            var records = group.ToList();
            var perTier = ImmutableDictionary.CreateBuilder<string, DistributionSpec>();
            var resolve = ImmutableDictionary.CreateBuilder<string, double>();
            foreach (var tier in tiers)
            {
                var stays = Stays(records, tier);
                var fit = stays.Count >= MinSamples ? DistributionFit.Fit(group.Key, tier, stays) : pooled[tier] with { Class = group.Key + " (pooled)" };
                if (fit.Samples > 0)
                {
                    handling.Add(fit);
                    perTier[tier] = fit.Chosen;
                }

                var (served, escalated) = Escalations(records, tier);
                if (served > 0 && tier != tiers[^1])
                {
                    var p = escalated / (double)served;
                    escalation.Add(new FittedRate(group.Key, tier, escalated, served, p));
                    resolve[tier] = Math.Round(1 - p, 4);
                }
            }

            if (perTier.Count == 0)
            {
                perTier["*"] = DistributionSpec.Exponential(10);
                notes.Add($"class {group.Key}: no handling times recorded; exponential 10 minutes assumed");
            }

            var classPatience = Patience(group.Key, records);
            var usePatience = classPatience.Events >= 10 ? classPatience : pooledPatience with { Class = group.Key + " (pooled)" };
            if (usePatience.Events > 0)
            {
                patience.Add(usePatience);
            }

            classes.Add(new TicketClassSpec(
                group.Key,
                Math.Round(records.Count / (double)trace.Count, 4),
                Mode(records.Select(r => r.Priority)),
                perTier.ToImmutable(),
                Skills: Mode(records.Select(r => string.Join(";", r.Skills))) is { Length: > 0 } skills ? [.. skills.Split(';')] : default,
                EntryTier: Mode(records.Select(r => r.EntryTier)),
                Resolve: resolve.Count == 0 ? null : resolve.ToImmutable(),
                Patience: usePatience.Events > 0 ? DistributionSpec.Exponential(DistributionFit.Round(usePatience.Value)) : null));
        }

        var desk = baseScenario?.Desk ?? DeskSettings.Default with { Tiers = [.. tiers.Select(t => new TierSettings(t))] };
        var draft = new Scenario
        {
            Name = "fitted",
            Start = firstDay,
            Horizon = TimeSpan.FromDays(Math.Min(7, days)),
            Replications = baseScenario?.Replications ?? 5,
            Seed = baseScenario?.Seed ?? 1,
            Desk = desk,
            TicketClasses = classes.ToImmutable(),
            Demand = demand,
            ServiceLevel = baseScenario?.ServiceLevel ?? new ServiceLevelSpec(TimeSpan.FromMinutes(20)),
        };
        draft = draft with { Roster = baseScenario?.Roster ?? Roster(draft, tiers, trace, notes) };
        return new HistoryFitResult(draft, trace.Count, days, handling.ToImmutable(), escalation.ToImmutable(), patience.ToImmutable(), notes.ToImmutable());
    }

    internal static string ClassName(TicketHistoryRecord record) => record.Class ?? record.Priority.ToString();

    /// <summary>Tiers by how deep they sit: the mean position at which tickets touch them.</summary>
    private static List<string> TierOrder(IReadOnlyList<TicketHistoryRecord> trace, Scenario? baseScenario)
    {
        if (baseScenario is not null)
        {
            return [.. baseScenario.Desk.Tiers.Select(t => t.Name)];
        }

        return [.. trace
            .SelectMany(r => r.Tiers.Select((tier, i) => (tier, i)))
            .GroupBy(x => x.tier, StringComparer.Ordinal)
            .OrderBy(g => g.Average(x => x.i))
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key)];
    }

    private static DemandProfile Demand(IReadOnlyList<TicketHistoryRecord> trace, DateTime firstDay, int days, ImmutableArray<string>.Builder notes)
    {
        var slots = new double[SlotsPerDay];
        var perDate = new double[days];
        foreach (var r in trace)
        {
            slots[(int)(r.Created.TimeOfDay.TotalMinutes / Interval)]++;
            perDate[(int)(r.Created.Date - firstDay).TotalDays]++;
        }

        var dailyMean = trace.Count / (double)days;
        var weekday = new double[7];
        for (var d = 0; d < 7; d++)
        {
            // Monday first, as the scenario's dayOfWeek is.
            var dates = Enumerable.Range(0, days).Where(i => ((int)firstDay.AddDays(i).DayOfWeek + 6) % 7 == d).ToList();
            weekday[d] = dates.Count == 0 ? 1 : Math.Round(dates.Average(i => perDate[i]) / dailyMean, 4);
        }

        if (days < 7)
        {
            notes.Add($"the trace covers {days} day(s): weekdays it lacks get factor 1");
        }

        var mean = slots.Average();
        return new DemandProfile
        {
            IntervalMinutes = Interval,
            BaseVolume = Math.Round(dailyMean / SlotsPerDay, 4),
            Intraday = [.. slots.Select(s => Math.Round(s / mean, 4))],
            DayOfWeek = weekday,
        };
    }

    /// <summary>Handling minutes of tickets that touched <paramref name="tier"/> once and have it recorded.</summary>
    private static List<double> Stays(IEnumerable<TicketHistoryRecord> records, string tier) =>
        [.. records
            .Where(r => r.Tiers.Count(t => t == tier) == 1)
            .Select(r => r.HandlingAt(tier))
            .Where(h => h is > 0)
            .Select(h => h!.Value)];

    /// <summary>Services at a tier and escalations after them (escalations while waiting are the desk's policy, not the ticket's need).</summary>
    private static (long Served, long Escalated) Escalations(IEnumerable<TicketHistoryRecord> records, string tier)
    {
        long served = 0, escalated = 0;
        foreach (var r in records)
        {
            var at = r.Tiers.IndexOf(tier);
            if (at < 0)
            {
                continue;
            }

            var last = at == r.Tiers.Length - 1;
            var waitedOut = r.Escalations.Any(e => e.From == tier && e.Reason.StartsWith("waited", StringComparison.OrdinalIgnoreCase));
            var wasServed = r.HandlingAt(tier) is not null || (last ? r.Outcome == HistoryOutcome.Resolved : !waitedOut);
            if (!wasServed)
            {
                continue;
            }

            served++;
            escalated += last ? 0 : 1;
        }

        return (served, escalated);
    }

    private static FittedRate Patience(string name, IEnumerable<TicketHistoryRecord> records)
    {
        long abandons = 0;
        var exposure = 0.0;
        foreach (var r in records)
        {
            if (r.Outcome == HistoryOutcome.Abandoned && r.DurationMinutes is { } waited)
            {
                abandons++;
                exposure += waited;
            }
            else if (r.FirstResponseMinutes is { } answered)
            {
                exposure += answered;
            }
            else if (r.Outcome == HistoryOutcome.Cancelled && r.DurationMinutes is { } cancelled)
            {
                exposure += cancelled;
            }
        }

        return new FittedRate(name, "", abandons, exposure, abandons == 0 ? double.PositiveInfinity : exposure / abandons);
    }

    /// <summary>One always-on group per tier: Erlang C for an 80 % / 20 s target at the busiest half hour's load at that tier.</summary>
    private static RosterSpec Roster(Scenario draft, List<string> tiers, IReadOnlyList<TicketHistoryRecord> trace, ImmutableArray<string>.Builder notes)
    {
        var peakPerMinute = draft.Demand.BaseVolume!.Value * draft.Demand.Intraday!.Max() * draft.Demand.DayOfWeek!.Max() / Interval;
        var groups = ImmutableArray.CreateBuilder<AgentGroupSpec>();
        foreach (var tier in tiers)
        {
            var reaching = trace.Count(r => r.Tiers.Contains(tier)) / (double)trace.Count;
            var stays = Stays(trace, tier);
            var aht = stays.Count > 0 ? stays.Average() : 10;
            var rate = peakPerMinute * reaching;
            var agents = Math.Max(1, (int)Math.Ceiling(rate * aht) + 1);
            while (rate > 0 && ErlangC.Evaluate(rate, aht, agents, 20.0 / 60).ServiceLevel < 0.8 && agents < 10_000)
            {
                agents++;
            }

            var skills = trace.Where(r => r.Tiers.Contains(tier)).SelectMany(r => r.Skills).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            groups.Add(new AgentGroupSpec(tier.ToLowerInvariant(), tier, agents, skills.Count == 0 ? default : [.. skills.Select(s => new SkillLevel(s, 3))]));
        }

        notes.Add("no base scenario: one 24/7 group per tier, sized by Erlang C (80 % in 20 s) at the busiest half hour; replace it with your roster");
        return new RosterSpec(groups.ToImmutable());
    }

    private static T Mode<T>(IEnumerable<T> values)
        where T : notnull =>
        values.GroupBy(v => v).OrderByDescending(g => g.Count()).ThenBy(g => g.Key.ToString(), StringComparer.Ordinal).First().Key;
}
