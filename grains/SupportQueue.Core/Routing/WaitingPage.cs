using System.Collections.Immutable;

namespace SupportQueue.Core.Routing;

/// <summary>One page of a tier's waiting tickets, in queue order, and how many wait in all.</summary>
[GenerateSerializer, Immutable, Alias("SupportQueue.WaitingPage")]
public sealed record WaitingPage(
    [property: Id(0)] int Total,
    [property: Id(1)] ImmutableArray<WaitingTicket> Tickets);
