namespace SupportQueue.Scheduling;

/// <summary>Outcome of a solve.</summary>
public enum ScheduleStatus
{
    /// <summary>Proven optimal (within the gap limit when one was set).</summary>
    Optimal,

    /// <summary>A roster was found; the time limit stopped the search before it was proven optimal.</summary>
    Feasible,

    /// <summary>No roster satisfies the hard constraints (hard mode only).</summary>
    Infeasible,

    /// <summary>The time limit (or cancellation) came before any roster was found.</summary>
    NoSolution,
}
