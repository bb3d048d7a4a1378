namespace SupportQueue.Core.Planning;

/// <summary>
/// How the per-interval requirement is found by simulation (the iterative staffing loop):
/// at most <see cref="MaxRounds"/> rounds of <see cref="Replications"/> replications each (null:
/// the scenario's own), all with the scenario's seed (common random numbers). Intervals of a tier
/// whose mean arrivals per interval are below <see cref="PoolBelowOffered"/> are judged over a
/// window of neighbouring intervals, since one interval's few tickets cannot tell one agent from
/// the next.
/// </summary>
[GenerateSerializer, Immutable, Alias("SupportQueue.RequirementSpec")]
public sealed record RequirementSpec(
    [property: Id(0)] int MaxRounds = 10,
    [property: Id(1)] int? Replications = null,
    [property: Id(2)] double PoolBelowOffered = 20)
{
    public static RequirementSpec Default { get; } = new();
}
