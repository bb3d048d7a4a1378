namespace SupportQueue.Scheduling.Tests;

/// <summary>Small problems whose optimum can be checked by hand.</summary>
internal static class Problems
{
    public static readonly DateTime Monday = new(2026, 11, 23);

    /// <summary>One day, 08:00–16:00 in hourly intervals.</summary>
    public static IntervalGrid Day => new(Monday.AddHours(8), 60, 8);

    public static TimeSpan H(double hours) => TimeSpan.FromHours(hours);

    public static ShiftTemplate Full(string group = "L1", int? maxPerDay = null, IReadOnlyList<BreakRule>? breaks = null) =>
        new("full", group, [H(8)], [H(8)], CostPerPaidHour: 10, Breaks: breaks, MaxPerDay: maxPerDay);

    public static ShiftTemplate Half(params double[] starts) =>
        new("half", "L1", [.. starts.Select(H)], [H(4)], CostPerPaidHour: 12);

    public static ShiftProblem Problem(int[] required, params ShiftTemplate[] templates) =>
        new(Day, [new GroupRequirement("L1", required)], templates);

    public static SolverOptions Options(CoverageMode mode = CoverageMode.Auto, int workers = 1, int seed = 1) =>
        new() { Mode = mode, Workers = workers, Seed = seed, TimeLimit = TimeSpan.FromSeconds(20) };
}
