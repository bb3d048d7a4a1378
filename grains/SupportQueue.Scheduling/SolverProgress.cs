namespace SupportQueue.Scheduling;

/// <summary>
/// A new best solution in one phase of the solve ("cost" or "shortfall") of one group: its
/// objective in the phase's unit (money; weighted agent-intervals short, where a fraction is the
/// tie-breaking cost), the best proven bound, and their gap.
/// </summary>
public sealed record SolverProgress(string Phase, double Objective, double Bound, double Gap, TimeSpan Elapsed, string Group = "");
