using System.Collections.Immutable;
using System.Globalization;
using SupportQueue.Core.Planning;
using SupportQueue.Core.Simulation;

namespace SupportQueue.Scheduling.Planning;

/// <summary>Judges a verification run per tier and interval and builds the plan's rows and misses.</summary>
internal static class PlanRows
{
    /// <summary>Far below the target a raise adds a tenth of the scheduled heads at once.</summary>
    public const double FarBelow = 0.15;

    public static IntervalVerdict Verdict(IntervalServiceLevel sl, double target, bool counted)
    {
        if (!counted || !sl.Loaded)
        {
            return IntervalVerdict.NotLoaded;
        }

        var halfWidth = double.IsNaN(sl.HalfWidth) ? 0 : sl.HalfWidth;
        return sl.Mean - halfWidth >= target ? IntervalVerdict.Met
            : sl.Mean >= target ? IntervalVerdict.MeanMet
            : sl.Mean + halfWidth >= target ? IntervalVerdict.MeanBelow
            : IntervalVerdict.Missed;
    }

    /// <summary>[tier][interval] (desk order) scheduled heads and shortfall from the solver's coverage; NaN for tiers without templates.</summary>
    public static (double[][] Scheduled, double[][] Shortfall) Coverage(PlanProblem problem, ShiftSchedule schedule)
    {
        var tiers = problem.Scenario.Desk.TierCount;
        var scheduled = Enumerable.Range(0, tiers).Select(_ => Enumerable.Repeat(double.NaN, problem.Grid.Count).ToArray()).ToArray();
        var shortfall = Enumerable.Range(0, tiers).Select(_ => new double[problem.Grid.Count]).ToArray();
        foreach (var row in schedule.Coverage)
        {
            var k = problem.Scenario.Desk.TierIndex(row.Group);
            scheduled[k][row.Interval] = row.Scheduled;
            shortfall[k][row.Interval] = row.Shortfall;
        }

        return (scheduled, shortfall);
    }

    public static ImmutableArray<PlanIntervalRow> Build(
        PlanProblem problem,
        IterativeStaffingResult isa,
        int[][] gross,
        int[][] raised,
        double[][] scheduled,
        IReadOnlyList<ReplicationResult> runs,
        bool[][] reachable)
    {
        var planned = problem.PlannedTiers.ToList();
        var scenario = problem.Scenario;
        var rows = ImmutableArray.CreateBuilder<PlanIntervalRow>(scenario.Desk.TierCount * problem.Grid.Count);
        for (var k = 0; k < scenario.Desk.TierCount; k++)
        {
            var target = isa.Targets[k].Target;
            var g = planned.IndexOf(k);
            for (var t = 0; t < problem.Grid.Count; t++)
            {
                var sl = IntervalServiceLevel.Of(runs, k, t);
                var counted = t >= isa.FirstCountedInterval;
                rows.Add(new PlanIntervalRow(
                    scenario.Desk.Tiers[k].Name,
                    t,
                    problem.Grid.IntervalStart(t),
                    counted,
                    target,
                    sl.MeanOffered,
                    isa.Erlang[k][t],
                    isa.Required[k][t],
                    raised[k][t],
                    gross[k][t],
                    scheduled[k][t],
                    sl.Mean,
                    sl.HalfWidth,
                    Verdict(sl, target, counted),
                    g < 0 || reachable[g][t]));
            }
        }

        return rows.MoveToImmutable();
    }

    /// <summary>The intervals shown to miss, each with why: a binding cap, no template reaching it, a soft shortfall, or still below after the rounds.</summary>
    public static ImmutableArray<PlanMiss> Misses(
        PlanProblem problem, ImmutableArray<PlanIntervalRow> rows, double[][] shortfall, HashSet<string> softTiers, bool[][] reachable, int rounds)
    {
        var misses = ImmutableArray.CreateBuilder<PlanMiss>();
        foreach (var row in rows.Where(r => r.Verdict == IntervalVerdict.Missed))
        {
            var k = problem.Scenario.Desk.TierIndex(row.Tier);
            var g = problem.PlannedTiers.ToList().IndexOf(k);
            var shortBy = shortfall[k][row.Interval];
            int? cap = problem.Spec.HeadCountCaps is { } caps && caps.TryGetValue(row.Tier, out var c) ? c : null;
            var day = row.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            (MissReason Reason, string Detail) why = g < 0
                ? (MissReason.StillBelowAfterRounds, "the tier has no shift templates; the scenario's own roster staffs it")
                : !reachable[g][row.Interval]
                    ? (MissReason.NotCoverable, "no shift template of the tier is on duty in this interval")
                    : softTiers.Contains(row.Tier) && cap is { } binding
                        ? (MissReason.CapBinding, shortBy > 1e-9
                            ? Invariant($"head-count cap {binding} binding on {day}: {shortBy:0.0} agents short of the requirement")
                            : Invariant($"head-count cap {binding} binding on {day}: covered here, but work carried in from the intervals the cap leaves short"))
                        : softTiers.Contains(row.Tier) && shortBy > 1e-9
                            ? (MissReason.SoftShortfall, Invariant($"the solver left {shortBy:0.0} agents short here (template limits or time)"))
                            : (MissReason.StillBelowAfterRounds, Invariant($"covered ({row.Scheduled:0.0} scheduled for {row.GrossRequired} required) yet still below after {rounds} verification rounds"));
            misses.Add(new PlanMiss(row.Tier, row.Interval, row.Start, row.ServiceLevel, row.HalfWidth, row.Target, shortBy, why.Reason, why.Detail));
        }

        return misses.ToImmutable();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
