namespace SupportQueue.Core.Planning;

/// <summary>
/// One interval's simulated performance at one head count: the mean over replications of the
/// measure the target is on (e.g. fraction answered within the tier's threshold) and the
/// half-width of its confidence interval.
/// </summary>
public sealed record StaffingObservation(int Staff, double Performance, double HalfWidth = 0);
