using SupportQueue.Core.Model;

namespace SupportQueue.Core.Routing;

/// <summary>A ticket waiting in a tier's queue, as the desk sees it; <see cref="Offered"/> when an offer to an agent is out.</summary>
[GenerateSerializer, Immutable, Alias("SupportQueue.WaitingTicket")]
public sealed record WaitingTicket(
    [property: Id(0)] string TicketId,
    [property: Id(1)] Priority Priority,
    [property: Id(2)] string Tier,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] DateTimeOffset QueuedAt,
    [property: Id(5)] bool Offered);
