namespace SupportQueue.Core.Planning;

/// <summary>
/// Bounds of the iterative staffing loop. <see cref="Tolerance"/> is the largest change of any
/// interval that still counts as settled: FMMW use one agent with a direct quantile update; this
/// loop moves intervals one agent at a time near the answer, so its default is zero (no interval
/// moved), which is stricter.
/// </summary>
public sealed record IterativeStaffingOptions(int MaxIterations = 10, int Tolerance = 0);
