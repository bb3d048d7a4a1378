namespace SupportQueue.Scheduling;

/// <summary>
/// One concrete shift a template allows: a start (minutes from the grid start), a length and a
/// placement of every break. The solver picks a head count for each. <see cref="Presence"/> lists
/// the minutes on duty in each interval it touches (breaks taken out), which is how coverage
/// accounts for breaks exactly even when a break covers only part of an interval.
/// </summary>
internal sealed record ShiftVariant(
    int Template,
    DateOnly Day,
    int StartMinute,
    int LengthMinutes,
    IReadOnlyList<(int Offset, int Length, bool Paid)> Breaks,
    int PaidMinutes,
    long CostCents,
    IReadOnlyList<(int Interval, int Minutes)> Presence);
