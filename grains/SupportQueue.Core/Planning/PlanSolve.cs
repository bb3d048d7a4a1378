using System.Collections.Immutable;

namespace SupportQueue.Core.Planning;

/// <summary>
/// One roster solve: its status (Optimal, Feasible, Infeasible, NoSolution), whether any tier went
/// soft, the paid cost (<see cref="Objective"/>) against the proven bound, the relative gap (the
/// largest over the tiers' final cost phases), the wall time, the agent-intervals short, and every
/// CP-SAT run.
/// </summary>
public sealed record PlanSolve(
    string Status,
    PlanCoverage ModeUsed,
    double Objective,
    double Bound,
    double Gap,
    TimeSpan WallTime,
    double ShortfallAgentIntervals,
    ImmutableArray<PlanSolvePhase> Phases);
