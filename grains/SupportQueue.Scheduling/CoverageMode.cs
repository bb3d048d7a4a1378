namespace SupportQueue.Scheduling;

/// <summary>How the solver treats intervals it cannot fully cover.</summary>
public enum CoverageMode
{
    /// <summary>Hard coverage first; when that is infeasible (a cap, a max per day, an interval no shift reaches), soft coverage.</summary>
    Auto,

    /// <summary>Coverage ≥ requirement in every interval, at least paid cost; infeasible otherwise.</summary>
    Hard,

    /// <summary>Least weighted shortfall first, then least paid cost at that shortfall.</summary>
    Soft,
}
