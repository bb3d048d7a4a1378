namespace SupportQueue.Silo.Api;

/// <summary>Where a ticket was queued, and why it is not at the tier asked for, if it is not.</summary>
public sealed record PlacementResponse(string TicketId, string Tier, string? Reason);
