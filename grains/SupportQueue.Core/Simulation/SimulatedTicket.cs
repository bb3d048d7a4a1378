namespace SupportQueue.Core.Simulation;

/// <summary>
/// A ticket of a simulation run, as a driver sees it. Once the run is done with a ticket (resolved
/// for good, or abandoned) the object may stand for a later ticket, with a new <see cref="Id"/>.
/// </summary>
public abstract class SimulatedTicket
{
    private protected SimulatedTicket()
    {
    }

    /// <summary>The ticket's id: unique in the run, stable until the run is done with the ticket.</summary>
    public abstract string Id { get; }

    public TicketClassSpec Class { get; private protected set; } = null!;

    /// <summary>For the driver's own bookkeeping (the in-process driver keeps the desk's handle here).</summary>
    public int DriverHandle { get; set; } = -1;
}
