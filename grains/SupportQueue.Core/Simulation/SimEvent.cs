using SupportQueue.Core.Model;

namespace SupportQueue.Core.Simulation;

/// <summary>
/// A calendar entry. <see cref="Ticket"/> is the ticket's <see cref="SimTicket.Index"/> (-1: none);
/// <see cref="Arg"/> is the agent index (presence), the day (day start) or the ticket's
/// generation (abandonment). No references: the calendar moves entries without GC write
/// barriers, and an entry with the heap key stays at 32 bytes.
/// </summary>
internal readonly struct SimEvent(EventKind kind, int ticket = -1, int arg = 0, Presence presence = Presence.Offline)
{
    public readonly int Ticket = ticket;

    public readonly int Arg = arg;

    public readonly EventKind Kind = kind;

    private readonly byte _presence = (byte)presence;

    public Presence Presence => (Presence)_presence;
}
