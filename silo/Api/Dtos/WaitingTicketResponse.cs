using SupportQueue.Core.Model;

namespace SupportQueue.Silo.Api;

/// <summary>A ticket waiting in a tier's queue; offered when an offer to an agent is out.</summary>
public sealed record WaitingTicketResponse(string TicketId, Priority Priority, string Tier, DateTimeOffset CreatedAt, DateTimeOffset QueuedAt, bool Offered);
