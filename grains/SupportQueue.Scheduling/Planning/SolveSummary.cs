using System.Collections.Immutable;
using SupportQueue.Core.Planning;

namespace SupportQueue.Scheduling.Planning;

/// <summary>A solver answer in the plan's terms.</summary>
internal static class SolveSummary
{
    public static PlanSolve Of(ShiftSchedule schedule)
    {
        var phases = schedule.Phases
            .Select(p => new PlanSolvePhase(p.Group, p.Name, p.Status.ToString(), p.Objective, p.Bound, p.Gap, p.WallTime))
            .ToImmutableArray();

        // Each tier's last phase is its cost phase; the roster's bound is the sum of theirs.
        var bound = schedule.Phases
            .GroupBy(p => p.Group, StringComparer.Ordinal)
            .Sum(g => g.Last().Name == "cost" ? g.Last().Bound : double.NaN);
        return new PlanSolve(
            schedule.Status.ToString(),
            schedule.ModeUsed == CoverageMode.Soft ? PlanCoverage.Soft : PlanCoverage.Hard,
            schedule.TotalCost,
            bound,
            schedule.Gap,
            schedule.Phases.Aggregate(TimeSpan.Zero, (sum, p) => sum + p.WallTime),
            schedule.TotalShortfall,
            phases);
    }

    public static PlanRosterTotals Totals(ShiftSchedule schedule) => new(schedule.TotalPaidHours, schedule.TotalCost, Of(schedule));

    /// <summary>Tiers whose solve went soft (a shortfall phase ran).</summary>
    public static HashSet<string> SoftTiers(ShiftSchedule schedule) =>
        schedule.Phases.Where(p => p.Name == "shortfall").Select(p => p.Group).ToHashSet(StringComparer.Ordinal);
}
