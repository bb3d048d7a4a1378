namespace SupportQueue.Scheduling;

/// <summary>
/// The solver's answer. <see cref="ModeUsed"/> says whether coverage was hard or soft (Auto falls
/// back to soft when hard coverage is infeasible). <see cref="Gap"/> is the relative optimality
/// gap of the final (cost) phase, the largest over the groups (each group is solved on its own).
/// <see cref="TotalShortfall"/> sums the shortfall in agent-intervals.
/// </summary>
public sealed record ShiftSchedule(
    ScheduleStatus Status,
    CoverageMode ModeUsed,
    IReadOnlyList<RosterLine> Roster,
    IReadOnlyList<CoverageRow> Coverage,
    double TotalPaidHours,
    double TotalCost,
    double TotalShortfall,
    double Gap,
    IReadOnlyList<SolvePhase> Phases)
{
    /// <summary>Rows of intervals that are short, for "where and by how much".</summary>
    public IEnumerable<CoverageRow> Shortfalls => Coverage.Where(row => row.Shortfall > 1e-9);
}
