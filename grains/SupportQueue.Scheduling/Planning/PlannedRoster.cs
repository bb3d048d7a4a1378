using System.Collections.Immutable;
using System.Globalization;
using SupportQueue.Core.Planning;
using SupportQueue.Core.Simulation;

namespace SupportQueue.Scheduling.Planning;

/// <summary>
/// Turns a solved roster into the plan's roster lines and into scenario roster groups: one group per
/// template, start time, length, break placement and head count, working on every weekday the
/// solver put that shift (lines differing only by day merge), with the skills and capacity of the
/// template's agent group. Tiers without templates keep the scenario's own groups.
/// </summary>
internal static class PlannedRoster
{
    public static ImmutableArray<PlanRosterLine> Lines(PlanProblem problem, ShiftSchedule schedule) =>
        [.. schedule.Roster.Select(line => new PlanRosterLine(
            line.Group,
            problem.AgentGroupOf(line.Template).Name,
            line.Template,
            line.Day,
            line.Start,
            line.End,
            [.. line.Breaks.Select(b => new PlanBreak(b.After, b.Length, b.Paid))],
            line.HeadCount,
            line.PaidHours,
            line.Cost))];

    /// <summary>The scenario with the planned roster, the given seed and replications.</summary>
    public static Scenario Scenario(PlanProblem problem, ShiftSchedule schedule, ulong seed, int replications)
    {
        var scenario = problem.Scenario;
        var planned = problem.PlannedTiers.Select(k => scenario.Desk.Tiers[k].Name).ToHashSet(StringComparer.Ordinal);
        var groups = scenario.Roster.Groups.Where(g => !planned.Contains(g.Tier)).ToList();
        var names = new HashSet<string>(groups.Select(g => g.Name), StringComparer.Ordinal);
        var merged = schedule.Roster
            .GroupBy(line => (
                line.Template,
                line.Group,
                Start: line.Start.TimeOfDay,
                Length: line.End - line.Start,
                Breaks: string.Join(";", line.Breaks.Select(b => Invariant($"{b.After.TotalMinutes}+{b.Length.TotalMinutes}"))),
                line.HeadCount))
            .OrderBy(g => g.Key.Group, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Start)
            .ThenBy(g => g.Key.Template, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Length)
            .ThenBy(g => g.Key.Breaks, StringComparer.Ordinal)
            .ThenBy(g => g.Key.HeadCount);
        foreach (var shift in merged)
        {
            var first = shift.First();
            var like = problem.AgentGroupOf(first.Template);
            var baseName = Invariant($"{first.Template}@{first.Start:HHmm}");
            var name = baseName;
            for (var n = 2; !names.Add(name); n++)
            {
                name = Invariant($"{baseName}-{n}");
            }

            var days = shift.Select(l => l.Start.DayOfWeek).Distinct().Order().ToImmutableArray();
            var start = first.Start.TimeOfDay;
            var end = first.End.TimeOfDay;
            groups.Add(new AgentGroupSpec(
                name,
                first.Group,
                first.HeadCount,
                like.Skills,
                like.Capacity,
                [new ShiftSpec(days, start, end, [.. first.Breaks.Select(b => new BreakSpec(b.After, b.Length))])]));
        }

        return scenario with
        {
            Seed = seed,
            Replications = replications,
            Roster = scenario.Roster with { Groups = [.. groups] },
        };
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
