namespace SupportQueue.Core.Planning;

/// <summary>
/// How the per-interval requirement is found by simulation (the iterative staffing loop):
/// at most <see cref="MaxRounds"/> rounds of <see cref="Replications"/> replications each (null:
/// the scenario's own), all with the scenario's seed (common random numbers). Neighbouring
/// intervals of a tier with fewer than <see cref="PoolBelowTickets"/> tickets each (summed over the
/// replications) are staffed and judged together, up to <see cref="MaxPool"/> intervals, since one
/// interval's few tickets cannot tell one agent from the next.
/// </summary>
[GenerateSerializer, Immutable, Alias("SupportQueue.RequirementSpec")]
public sealed record RequirementSpec(
    [property: Id(0)] int MaxRounds = 10,
    [property: Id(1)] int? Replications = null,
    [property: Id(2)] double PoolBelowTickets = 40,
    [property: Id(3)] int MaxPool = 4)
{
    public static RequirementSpec Default { get; } = new();
}
