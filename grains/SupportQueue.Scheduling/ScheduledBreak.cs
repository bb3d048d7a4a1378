namespace SupportQueue.Scheduling;

/// <summary>A placed break: <see cref="After"/> the shift start, for <see cref="Length"/>; <see cref="Start"/> is wall clock.</summary>
public sealed record ScheduledBreak(TimeSpan After, TimeSpan Length, DateTime Start, bool Paid);
