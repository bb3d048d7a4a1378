namespace SupportQueue.Scheduling;

/// <summary>
/// One CP-SAT run of the solve ("cost" or "shortfall") for one group: how it ended, objective
/// (money; weighted agent-intervals short), bound, gap and wall time.
/// </summary>
public sealed record SolvePhase(string Name, ScheduleStatus Status, double Objective, double Bound, double Gap, TimeSpan WallTime, string Group = "");
