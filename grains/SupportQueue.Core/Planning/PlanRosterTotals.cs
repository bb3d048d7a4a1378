namespace SupportQueue.Core.Planning;

/// <summary>A roster's paid hours and cost, the solve that produced it, and (when simulated) how it met the targets.</summary>
public sealed record PlanRosterTotals(double PaidHours, double Cost, PlanSolve Solve, PlanRosterCheck? Check = null);
