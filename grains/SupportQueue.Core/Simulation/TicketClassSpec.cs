using System.Collections.Immutable;
using SupportQueue.Core.Model;
using SupportQueue.Core.Randomness;

namespace SupportQueue.Core.Simulation;

/// <summary>
/// A kind of ticket. <see cref="Handling"/> gives the handling time (minutes) per tier name,
/// "*" for any tier not listed. <see cref="Resolve"/> gives the probability a tier resolves the
/// ticket rather than escalating it (default 1; the last tier always resolves).
/// <see cref="Patience"/> (minutes) is how long the customer waits for a first response before
/// abandoning; null = never abandons.
/// </summary>
[GenerateSerializer, Immutable, Alias("SupportQueue.TicketClassSpec")]
public sealed record TicketClassSpec(
    [property: Id(0)] string Name,
    [property: Id(1)] double Share,
    [property: Id(2)] Priority Priority,
    [property: Id(3)] ImmutableDictionary<string, DistributionSpec> Handling,
    [property: Id(4)] ImmutableArray<string> Skills = default,
    [property: Id(5)] string? EntryTier = null,
    [property: Id(6)] ImmutableDictionary<string, double>? Resolve = null,
    [property: Id(7)] DistributionSpec? Patience = null,
    [property: Id(8)] ReopenSpec? Reopen = null)
{
    public DistributionSpec? HandlingAt(string tier) =>
        Handling.TryGetValue(tier, out var d) ? d : Handling.GetValueOrDefault("*");

    public double ResolveAt(string tier) => Resolve is not null && Resolve.TryGetValue(tier, out var p) ? p : 1.0;
}
