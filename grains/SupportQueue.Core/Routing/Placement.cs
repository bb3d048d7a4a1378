using SupportQueue.Core.Model;

namespace SupportQueue.Core.Routing;

/// <summary>Where a ticket was queued and why it is not where it started.</summary>
/// <param name="TicketId">The ticket.</param>
/// <param name="Tier">The tier whose queue it joined.</param>
/// <param name="Reason">Why it is not at its entry tier, if it is not.</param>
/// <param name="Sla">The desk's SLA for the ticket's priority, on admission (so the ticket needs no second call to learn it).</param>
/// <param name="QueueLength">
/// Tickets in the tier's queue once this one joined, as a desk host reports it (the engine leaves it 0):
/// a ticket at the back of a long queue need not stay in memory while it waits.
/// </param>
[GenerateSerializer, Immutable, Alias("SupportQueue.Placement")]
public sealed record Placement(
    [property: Id(0)] string TicketId,
    [property: Id(1)] string Tier,
    [property: Id(2)] string? Reason,
    [property: Id(3)] SlaTarget? Sla = null,
    [property: Id(4)] int QueueLength = 0);
