namespace SupportQueue.Scheduling;

/// <summary>How the solver treats intervals it cannot fully cover.</summary>
public enum CoverageMode
{
    /// <summary>
    /// Hard coverage first; when the solver proves that infeasible (a cap, a max per day) or an
    /// interval has a requirement no shift reaches, soft coverage. A capped group's hard search gets
    /// a third of its time and falls back to soft coverage when it finds no roster in it; an
    /// uncapped group's hard search that runs out of time without any roster is reported as such.
    /// </summary>
    Auto,

    /// <summary>Coverage ≥ requirement in every interval, at least paid cost; infeasible otherwise.</summary>
    Hard,

    /// <summary>Least weighted shortfall first, then least paid cost at that shortfall.</summary>
    Soft,
}
