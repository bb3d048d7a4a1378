namespace SupportQueue.Core.Model;

/// <summary>
/// Where a ticket is in its lifecycle, as its own record keeps it (the authority on who holds it).
/// The desk's routing view of an open ticket is <see cref="Routing.DeskTicketState"/>, which also knows offers.
/// </summary>
public enum TicketStatus
{
    New,
    Queued,
    Assigned,
    Resolved,
    Abandoned,
}
