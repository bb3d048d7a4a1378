namespace SupportQueue.Scheduling;

/// <summary>
/// A kind of shift that agents of <see cref="Group"/> (a tier or roster group) can work: it may
/// start at any of <see cref="StartTimes"/> (times of day on the grid) on any of
/// <see cref="Days"/> (empty: every day), last any of <see cref="Lengths"/>, and has
/// <see cref="Breaks"/>. Between <see cref="MinPerDay"/> and <see cref="MaxPerDay"/> (null: no
/// limit) people work it on each day it runs, summed over its start times and lengths; each costs
/// <see cref="CostPerPaidHour"/> per paid hour (shift length less unpaid breaks).
/// </summary>
public sealed record ShiftTemplate(
    string Name,
    string Group,
    IReadOnlyList<TimeSpan> StartTimes,
    IReadOnlyList<TimeSpan> Lengths,
    double CostPerPaidHour,
    IReadOnlyList<DayOfWeek>? Days = null,
    IReadOnlyList<BreakRule>? Breaks = null,
    int MinPerDay = 0,
    int? MaxPerDay = null);
