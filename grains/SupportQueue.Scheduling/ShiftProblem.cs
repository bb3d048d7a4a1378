namespace SupportQueue.Scheduling;

/// <summary>A shift-scheduling problem as plain data: the grid, what each group needs, and the shifts on offer.</summary>
public sealed record ShiftProblem(
    IntervalGrid Grid,
    IReadOnlyList<GroupRequirement> Requirements,
    IReadOnlyList<ShiftTemplate> Templates);
