namespace SupportQueue.Core.Planning;

/// <summary>
/// How the CP-SAT roster search runs: <see cref="TimeLimit"/> bounds each solve (all tiers
/// together); <see cref="Seed"/> and <see cref="Workers"/> fix the search, so the same inputs give
/// the same roster whenever the search ends by proof or by <see cref="RelativeGapLimit"/> rather
/// than by the clock. The search stops once (cost − bound) / cost ≤ <see cref="RelativeGapLimit"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("SupportQueue.PlanSolverSpec")]
public sealed record PlanSolverSpec(
    [property: Id(0)] TimeSpan TimeLimit,
    [property: Id(1)] int Seed = 1,
    [property: Id(2)] int Workers = 1,
    [property: Id(3)] double RelativeGapLimit = 0.005,
    [property: Id(4)] PlanCoverage Coverage = PlanCoverage.Auto)
{
    public static PlanSolverSpec Default { get; } = new(TimeSpan.FromSeconds(20));
}
