namespace SupportQueue.Core.Planning;

/// <summary>
/// A step of a running plan: its phase and round, a line for a person, and while the solver runs
/// its objective, bound and gap (null otherwise). <see cref="Elapsed"/> counts from the start of the plan.
/// Reported on whichever thread is working (the solver's own threads included).
/// </summary>
public sealed record PlanProgress(
    PlanPhase Phase,
    int Round,
    string Message,
    TimeSpan Elapsed,
    double? Objective = null,
    double? Bound = null,
    double? Gap = null);
