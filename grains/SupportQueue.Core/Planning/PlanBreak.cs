namespace SupportQueue.Core.Planning;

/// <summary>A placed break: it starts <see cref="After"/> the shift start and lasts <see cref="Length"/>.</summary>
public sealed record PlanBreak(TimeSpan After, TimeSpan Length, bool Paid);
