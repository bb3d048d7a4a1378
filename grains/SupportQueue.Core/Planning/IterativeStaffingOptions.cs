namespace SupportQueue.Core.Planning;

/// <summary>
/// Bounds of the iterative staffing loop: at most <see cref="MaxIterations"/> rounds (the first is
/// the offered-load start); the loop has converged when no interval moved by more than
/// <see cref="Tolerance"/> agents in a round (FMMW's rule: one). Neighbouring intervals with fewer than <see cref="PoolBelowTickets"/> tickets
/// (summed over replications) are pooled, up to <see cref="MaxPool"/> intervals; 0 pools nothing.
/// After <see cref="TwoSidedRounds"/> rounds a head count only goes up (see <see cref="IterativeStaffing"/>).
/// </summary>
public sealed record IterativeStaffingOptions(int MaxIterations = 10, int Tolerance = 1, double PoolBelowTickets = 40, int MaxPool = 4, int TwoSidedRounds = 4);
