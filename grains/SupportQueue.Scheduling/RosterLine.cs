namespace SupportQueue.Scheduling;

/// <summary>
/// <see cref="HeadCount"/> people working one shift of <see cref="Template"/>: from
/// <see cref="Start"/> to <see cref="End"/> (wall clock) with <see cref="Breaks"/>.
/// <see cref="PaidHours"/> and <see cref="Cost"/> are totals over the head count.
/// </summary>
public sealed record RosterLine(
    string Template,
    string Group,
    DateOnly Day,
    DateTime Start,
    DateTime End,
    IReadOnlyList<ScheduledBreak> Breaks,
    int HeadCount,
    double PaidHours,
    double Cost);
