namespace SupportQueue.Scheduling;

/// <summary>
/// A break of <see cref="Length"/> that starts between <see cref="EarliestStart"/> and
/// <see cref="LatestStart"/> after the shift starts, on multiples of <see cref="Step"/> from the
/// earliest start (null: the grid's interval). The solver places each break, so staggered breaks
/// keep coverage; time on break does not count as on duty. <see cref="Paid"/> breaks count as paid
/// time. A template's breaks are taken in the order listed and do not overlap.
/// </summary>
public sealed record BreakRule(TimeSpan Length, TimeSpan EarliestStart, TimeSpan LatestStart, bool Paid = false, TimeSpan? Step = null);
