using System.Globalization;
using SupportQueue.Core.Planning;
using SupportQueue.Core.Simulation;

namespace SupportQueue.Json;

/// <summary>
/// Checks of a scheduling section that need the scenario and the fields together, run after each
/// field passed on its own: a shift whose cost is nothing, a template that falls on no day of the
/// horizon, breaks that fit in none of a template's shifts, and a head-count cap that the
/// templates' own minimum head counts already exceed. Found here, they are refused before any
/// simulation runs instead of surfacing as an infeasible roster minutes later.
/// </summary>
internal static class SchedulingChecks
{
    public static IReadOnlyList<string> Check(Scenario scenario, SchedulingSpec scheduling)
    {
        var errors = new List<string>();
        void Add(string path, object? value, string reason) => errors.Add($"$.scheduling{path}: {Value(value)} — {reason}");

        var days = HorizonDays(scenario);
        for (var i = 0; i < scheduling.Templates.Length; i++)
        {
            var template = scheduling.Templates[i];
            var p = $".templates[{i}]";

            // Zero passes the field check (a volunteer shift is data), but a free shift makes
            // the least-cost roster arbitrary: the solver may staff it without limit.
            if (template.CostPerPaidHour == 0)
            {
                Add($"{p}.costPerPaidHour", template.CostPerPaidHour, "must be positive: the roster is the one of least paid cost");
            }

            if (!template.Days.IsDefaultOrEmpty && !days.Any(d => template.Days.Contains(d.DayOfWeek)))
            {
                Add($"{p}.days", Text(template.Days), $"none of these days is in the horizon ({Describe(days)}): the template covers no interval");
            }

            CheckBreaks(template, p, Add);
        }

        CheckCaps(scheduling, days, Add);
        return errors;
    }

    /// <summary>Places the breaks as early as their rules allow, in order; a length that cannot end after the last break is refused.</summary>
    private static void CheckBreaks(ShiftTemplateSpec template, string p, Action<string, object?, string> add)
    {
        var breaks = template.Breaks.IsDefault ? [] : template.Breaks;
        if (breaks.IsEmpty)
        {
            return;
        }

        var end = TimeSpan.Zero;
        for (var b = 0; b < breaks.Length; b++)
        {
            var rule = breaks[b];
            var start = rule.EarliestStart >= end ? rule.EarliestStart : FirstStepAtOrAfter(rule, end);
            if (start is not { } placed || placed > rule.LatestStart)
            {
                add($"{p}.breaks[{b}]", Text(rule),
                    $"cannot start after break {b - 1} ends ({Format(end)} into the shift) and by its latestStart: breaks are taken in order and do not overlap");
                return;
            }

            end = placed + rule.Length;
        }

        for (var l = 0; l < template.Lengths.Length; l++)
        {
            // The simulator's shifts need a break to end before the shift does.
            if (template.Lengths[l] <= end)
            {
                add($"{p}.lengths[{l}]", template.Lengths[l],
                    $"too short for the template's breaks: placed as early as allowed they end {Format(end)} into the shift");
            }
        }
    }

    private static TimeSpan? FirstStepAtOrAfter(BreakRuleSpec rule, TimeSpan at)
    {
        if (rule.Step is not { } step)
        {
            // No step given: the solver places the break on the interval grid from its earliest start.
            return at;
        }

        var steps = (long)Math.Ceiling((at - rule.EarliestStart).Ticks / (double)step.Ticks);
        return rule.EarliestStart + TimeSpan.FromTicks(steps * step.Ticks);
    }

    /// <summary>A cap below what the templates' minimum head counts put on one day cannot be met by any roster.</summary>
    private static void CheckCaps(SchedulingSpec scheduling, IReadOnlyList<DateOnly> days, Action<string, object?, string> add)
    {
        foreach (var (tier, cap) in (scheduling.HeadCountCaps ?? []).OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            foreach (var day in days)
            {
                var minimums = scheduling.Templates
                    .Where(t => t.Tier == tier && t.MinPerDay > 0 && (t.Days.IsDefaultOrEmpty || t.Days.Contains(day.DayOfWeek)))
                    .ToList();
                var least = minimums.Sum(t => t.MinPerDay);
                if (least > cap)
                {
                    var parts = string.Join(" + ", minimums.Select(t => $"{t.Name} minPerDay {t.MinPerDay.ToString(CultureInfo.InvariantCulture)}"));
                    add($".headCountCaps.{tier}", cap,
                        $"below any feasible roster: on {day.ToString("ddd d MMM", CultureInfo.InvariantCulture)} the templates need at least {least.ToString(CultureInfo.InvariantCulture)} people ({parts})");
                    break;
                }
            }
        }
    }

    private static List<DateOnly> HorizonDays(Scenario scenario)
    {
        var first = DateOnly.FromDateTime(scenario.Start);
        var last = DateOnly.FromDateTime(scenario.Start + scenario.Horizon - TimeSpan.FromTicks(1));
        var days = new List<DateOnly>();
        for (var d = first; d <= last; d = d.AddDays(1))
        {
            days.Add(d);
        }

        return days;
    }

    private static string Describe(IReadOnlyList<DateOnly> days) =>
        string.Join(", ", days.Select(d => d.DayOfWeek.ToString()).Distinct());

    private static string Text(IEnumerable<DayOfWeek> days) => "[" + string.Join(", ", days) + "]";

    private static string Text(BreakRuleSpec rule) =>
        $"{Format(rule.Length)} from {Format(rule.EarliestStart)} to {Format(rule.LatestStart)}";

    /// <summary>Values as the engine's validation writes them; text arrives already rendered.</summary>
    private static string Value(object? value) => value switch
    {
        null => "(null)",
        TimeSpan t => Format(t),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "(null)",
    };

    private static string Format(TimeSpan value) => value.ToString("c", CultureInfo.InvariantCulture);
}
