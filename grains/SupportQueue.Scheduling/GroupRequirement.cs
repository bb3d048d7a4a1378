namespace SupportQueue.Scheduling;

/// <summary>
/// What <see cref="Group"/> must have on duty: <see cref="Required"/> holds one head count per grid
/// interval, already grossed up for shrinkage. <see cref="HeadCountCap"/> (null: none) is the most
/// people of the group who may work on one day (shifts starting that day). In soft coverage one
/// agent-interval short costs <see cref="ShortfallWeight"/>, so a planner can protect one group's
/// coverage before another's.
/// </summary>
public sealed record GroupRequirement(
    string Group,
    IReadOnlyList<int> Required,
    int? HeadCountCap = null,
    double ShortfallWeight = 1.0);
