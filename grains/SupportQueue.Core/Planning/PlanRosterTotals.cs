namespace SupportQueue.Core.Planning;

/// <summary>A roster's paid hours and cost, and the solve that produced it.</summary>
public sealed record PlanRosterTotals(double PaidHours, double Cost, PlanSolve Solve);
