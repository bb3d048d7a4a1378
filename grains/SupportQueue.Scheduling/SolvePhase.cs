namespace SupportQueue.Scheduling;

/// <summary>One CP-SAT run of the solve ("cost" or "shortfall"): how it ended, objective, bound, gap and time.</summary>
public sealed record SolvePhase(string Name, ScheduleStatus Status, double Objective, double Bound, double Gap, TimeSpan WallTime);
