using System.Collections.Immutable;
using SupportQueue.Core.Simulation;

namespace SupportQueue.Core.Planning;

/// <summary>
/// A finished plan. <see cref="Intervals"/> holds one row per tier and interval (tiers in desk
/// order, then intervals); <see cref="Roster"/> the chosen shifts; <see cref="Totals"/> their paid
/// hours and cost and the final solve; <see cref="ErlangRoster"/> the same solver's roster for the
/// stationary Erlang requirement (grossed up the same way), for comparison. <see cref="Missing"/>
/// lists the intervals still shown to miss, with the reason. <see cref="Planned"/> is the input
/// scenario with the planned tiers' roster groups replaced by the roster and with the last
/// verification's seed and replications, so simulating it reproduces that verification.
/// </summary>
public sealed record PlanResult(
    Scenario Planned,
    ImmutableArray<string> Tiers,
    ImmutableArray<TierTarget> Targets,
    int IntervalMinutes,
    int FirstCountedInterval,
    double Shrinkage,
    ImmutableArray<PlanIntervalRow> Intervals,
    ImmutableArray<PlanRosterLine> Roster,
    PlanRosterTotals Totals,
    PlanRosterTotals ErlangRoster,
    PlanRequirementRun Requirement,
    ImmutableArray<PlanVerificationRound> Verification,
    ImmutableArray<PlanMiss> Missing,
    ImmutableArray<PlanPhaseTime> PhaseTimes,
    TimeSpan WallTime)
{
    /// <summary>Counted intervals with load within some template's hours, over all tiers (the met share's base).</summary>
    public int LoadedIntervals => Intervals.Count(r => r.Counted && r.Loaded && r.InTemplateHours);

    /// <summary>
    /// Counted intervals with load where no shift template of the tier can be on duty (e.g. night
    /// reopens and escalations at a business-hours desk): their tickets wait for opening time. Reported
    /// apart, not in the met share: no roster from these templates could serve them.
    /// </summary>
    public int OutsideTemplateHours => Intervals.Count(r => r.OutsideTemplateHours);

    /// <summary>Share of loaded intervals within the templates' hours whose verified mean meets the target.</summary>
    public double MetByMeanShare => Share(r => r.Verdict is IntervalVerdict.Met or IntervalVerdict.MeanMet);

    /// <summary>Share of loaded intervals within the templates' hours not shown to miss (confidence interval not wholly below the target).</summary>
    public double NotMissedShare => Share(r => r.Verdict != IntervalVerdict.Missed);

    private double Share(Func<PlanIntervalRow, bool> predicate)
    {
        var loaded = Intervals.Where(r => r.Counted && r.Loaded && r.InTemplateHours).ToArray();
        return loaded.Length == 0 ? 1.0 : loaded.Count(predicate) / (double)loaded.Length;
    }
}
