using System.Collections.Immutable;
using SupportQueue.Core.Model;

namespace SupportQueue.Core.Simulation;

/// <summary>
/// Per-interval counters of one priority in one replication (by arrival interval). Refused counts
/// the customers the desk turned away because it was full (its maxOpenTickets reached), new or
/// returning: they are among the arrivals and never queued.
/// </summary>
[GenerateSerializer, Immutable, Alias("SupportQueue.PrioritySeries")]
public sealed record PrioritySeries(
    [property: Id(0)] Priority Priority,
    [property: Id(1)] ImmutableArray<long> Arrivals,
    [property: Id(2)] ImmutableArray<long> FirstResponseMet,
    [property: Id(3)] ImmutableArray<long> FirstResponseMissed,
    [property: Id(4)] ImmutableArray<long> ResolutionMet,
    [property: Id(5)] ImmutableArray<long> ResolutionMissed,
    [property: Id(6)] ImmutableArray<long> Abandoned,
    [property: Id(7)] ImmutableArray<long> Refused = default);
