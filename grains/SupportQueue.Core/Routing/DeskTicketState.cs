namespace SupportQueue.Core.Routing;

/// <summary>
/// Where an open ticket stands in the desk's routing: waiting, reserved for an agent, or held.
/// Not the ticket's lifecycle (<see cref="Model.TicketStatus"/>, kept by the ticket's own record):
/// the desk knows offers, which the ticket never sees, and forgets a ticket once it is closed.
/// </summary>
public enum DeskTicketState
{
    Queued,
    Offered,
    Assigned,

    /// <summary>Left the desk (resolved or abandoned); any heap entry still naming it is stale.</summary>
    Closed,
}
