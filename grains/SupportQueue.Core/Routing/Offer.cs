namespace SupportQueue.Core.Routing;

/// <summary>
/// A reservation: the desk proposes <see cref="TicketId"/> to <see cref="AgentId"/>. The ticket stays
/// in its queue (at its position) until the offer is confirmed; a declined or expired offer puts
/// it back exactly where it was.
/// </summary>
[GenerateSerializer, Immutable, Alias("SupportQueue.Offer")]
public sealed record Offer(
    [property: Id(0)] long ReservationId,
    [property: Id(1)] string TicketId,
    [property: Id(2)] string AgentId,
    [property: Id(3)] string Tier,
    [property: Id(4)] DateTimeOffset OfferedAt,
    [property: Id(5)] DateTimeOffset ExpiresAt,
    [property: Id(6)] bool Borrowed,
    [property: Id(7)] UnconfirmedEscalation? Escalated = null);
