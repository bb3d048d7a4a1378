namespace SupportQueue.Scheduling;

/// <summary>Turns solved head counts into the roster, coverage per interval and totals.</summary>
internal static class ScheduleReader
{
    // Coverage is computed in whole agent-minutes; this only absorbs the division by the interval.
    private const double Epsilon = 1e-9;

    public static ShiftSchedule Read(
        ShiftProblem problem,
        IReadOnlyList<ShiftVariant> variants,
        long[] values,
        ScheduleStatus status,
        CoverageMode mode,
        double gap,
        IReadOnlyList<SolvePhase> phases)
    {
        var grid = problem.Grid;
        var roster = new List<RosterLine>();
        var minutes = new Dictionary<string, long[]>(StringComparer.Ordinal);
        foreach (var requirement in problem.Requirements)
        {
            minutes[requirement.Group] = new long[grid.Count];
        }

        for (var v = 0; v < variants.Count; v++)
        {
            var count = values[v];
            if (count == 0)
            {
                continue;
            }

            var variant = variants[v];
            var template = problem.Templates[variant.Template];
            var start = grid.Start.AddMinutes(variant.StartMinute);
            var breaks = variant.Breaks
                .Select(b => new ScheduledBreak(TimeSpan.FromMinutes(b.Offset), TimeSpan.FromMinutes(b.Length), start.AddMinutes(b.Offset), b.Paid))
                .ToList();
            roster.Add(new RosterLine(
                template.Name,
                template.Group,
                variant.Day,
                start,
                start.AddMinutes(variant.LengthMinutes),
                breaks,
                (int)count,
                count * variant.PaidMinutes / 60.0,
                count * variant.CostCents / 100.0));
            var covered = minutes[template.Group];
            foreach (var (interval, onDuty) in variant.Presence)
            {
                covered[interval] += count * onDuty;
            }
        }

        roster.Sort((a, b) => (a.Group, a.Start, a.Template, a.End).CompareTo((b.Group, b.Start, b.Template, b.End)) is var c and not 0
            ? c
            : string.CompareOrdinal(BreakKey(a), BreakKey(b)));

        var coverage = new List<CoverageRow>();
        foreach (var requirement in problem.Requirements)
        {
            var covered = minutes[requirement.Group];
            for (var t = 0; t < grid.Count; t++)
            {
                var scheduled = covered[t] / (double)grid.IntervalMinutes;
                var shortfall = requirement.Required[t] - scheduled;
                coverage.Add(new CoverageRow(requirement.Group, t, grid.IntervalStart(t), requirement.Required[t], scheduled, shortfall > Epsilon ? shortfall : 0.0));
            }
        }

        return new ShiftSchedule(
            status,
            mode,
            roster,
            coverage,
            roster.Sum(line => line.PaidHours),
            roster.Sum(line => line.Cost),
            coverage.Sum(row => row.Shortfall),
            gap,
            phases);
    }

    public static ShiftSchedule Empty(ShiftProblem problem, ScheduleStatus status, CoverageMode mode, IReadOnlyList<SolvePhase> phases)
    {
        var coverage = problem.Requirements
            .SelectMany(r => Enumerable.Range(0, problem.Grid.Count)
                .Select(t => new CoverageRow(r.Group, t, problem.Grid.IntervalStart(t), r.Required[t], 0, r.Required[t])))
            .ToList();
        return new ShiftSchedule(status, mode, [], coverage, 0, 0, coverage.Sum(row => row.Shortfall), double.NaN, phases);
    }

    private static string BreakKey(RosterLine line) =>
        string.Join(",", line.Breaks.Select(b => b.After.TotalMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}
