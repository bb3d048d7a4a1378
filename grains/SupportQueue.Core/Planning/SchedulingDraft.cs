using System.Collections.Immutable;
using SupportQueue.Core.Simulation;

namespace SupportQueue.Core.Planning;

/// <summary>
/// The scheduling section <c>scenario fit</c> drafts, so a fitted history can be planned at once:
/// per tier one template of 8½-hour shifts (8 paid hours, a 30-minute unpaid break placed between
/// 3½ and 5 hours in) that may start on the hour at any hour of any day — the history says when
/// tickets come, not when the desk is open, so the draft can cover every hour and the plan shows
/// which hours the load needs — at a cost of 1 per paid hour (cost reads as paid hours). Solver:
/// 20 s per solve, 1 % gap. A planner replaces the templates with the desk's own shift rules.
/// </summary>
public static class SchedulingDraft
{
    public static SchedulingSpec For(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var step = Math.Max(60, scenario.IntervalMinutes);
        var starts = Enumerable.Range(0, 1440 / step)
            .Select(i => TimeSpan.FromMinutes(i * step))
            .Where(s => s.TotalMinutes % scenario.IntervalMinutes == 0)
            .ToImmutableArray();
        var breakRule = new BreakRuleSpec(TimeSpan.FromMinutes(30), TimeSpan.FromHours(3.5), TimeSpan.FromHours(5));
        return new SchedulingSpec
        {
            Templates =
            [
                .. scenario.Desk.Tiers.Select(t => new ShiftTemplateSpec(
                    t.Name + "-shift", t.Name, starts, [TimeSpan.FromHours(8.5)], 1.0, Breaks: [breakRule])),
            ],
            Solver = new PlanSolverSpec(TimeSpan.FromSeconds(20), RelativeGapLimit: 0.01),
        };
    }
}
