namespace SupportQueue.Core.Planning;

/// <summary>How the roster solver treats intervals it cannot fully cover (mirrors the shift solver's modes).</summary>
public enum PlanCoverage
{
    /// <summary>Hard coverage; a tier whose cap (or template limits) makes that infeasible goes soft.</summary>
    Auto,

    /// <summary>Coverage ≥ requirement in every interval, at least paid cost; the plan fails otherwise.</summary>
    Hard,

    /// <summary>Least weighted shortfall first, then least paid cost at that shortfall.</summary>
    Soft,
}
