namespace SupportQueue.Scheduling;

/// <summary>
/// A new best solution in one phase of the solve ("cost" or "shortfall"): its objective in the
/// phase's unit (money; weighted agent-intervals short), the best proven bound, and their gap.
/// </summary>
public sealed record SolverProgress(string Phase, double Objective, double Bound, double Gap, TimeSpan Elapsed);
