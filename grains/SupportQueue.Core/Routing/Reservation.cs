namespace SupportQueue.Core.Routing;

/// <summary>A pending offer: the ticket is reserved for the agent until it answers.</summary>
internal sealed record Reservation(DeskTicket Ticket, PoolAgent Agent);
