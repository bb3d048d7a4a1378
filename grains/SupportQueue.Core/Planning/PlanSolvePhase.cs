namespace SupportQueue.Core.Planning;

/// <summary>
/// One CP-SAT run for one tier: "cost" (money) or "shortfall" (weighted agent-intervals short),
/// how it ended (Optimal, Feasible, Infeasible, NoSolution), objective, bound, relative gap, wall time.
/// </summary>
public sealed record PlanSolvePhase(string Tier, string Name, string Status, double Objective, double Bound, double Gap, TimeSpan WallTime);
