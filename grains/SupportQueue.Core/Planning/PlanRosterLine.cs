using System.Collections.Immutable;

namespace SupportQueue.Core.Planning;

/// <summary>
/// <see cref="HeadCount"/> people of <see cref="Tier"/> working one shift of <see cref="Template"/>
/// on <see cref="Day"/>, from <see cref="Start"/> to <see cref="End"/> (wall clock) with
/// <see cref="Breaks"/>; they take the skills of roster group <see cref="AgentGroup"/>.
/// <see cref="PaidHours"/> and <see cref="Cost"/> are totals over the head count.
/// </summary>
public sealed record PlanRosterLine(
    string Tier,
    string AgentGroup,
    string Template,
    DateOnly Day,
    DateTime Start,
    DateTime End,
    ImmutableArray<PlanBreak> Breaks,
    int HeadCount,
    double PaidHours,
    double Cost);
