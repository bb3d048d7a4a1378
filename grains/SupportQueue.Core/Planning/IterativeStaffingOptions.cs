namespace SupportQueue.Core.Planning;

/// <summary>
/// Bounds of the iterative staffing loop: at most <see cref="MaxIterations"/> rounds (the first is
/// the Erlang start). <see cref="Tolerance"/> is kept for the round bookkeeping (largest change that
/// counts as none). Neighbouring intervals with fewer than <see cref="PoolBelowTickets"/> tickets
/// (summed over replications) are pooled, up to <see cref="MaxPool"/> intervals; 0 pools nothing.
/// </summary>
public sealed record IterativeStaffingOptions(int MaxIterations = 10, int Tolerance = 0, double PoolBelowTickets = 40, int MaxPool = 4);
