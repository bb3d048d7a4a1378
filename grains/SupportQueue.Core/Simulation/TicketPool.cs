using System.Runtime.CompilerServices;

namespace SupportQueue.Core.Simulation;

/// <summary>
/// A run's ticket objects: a closed ticket's object is reused for a later customer, so a long run
/// allocates only as many as are ever open at once. The tables name tickets by
/// <see cref="SimTicket.Index"/> rather than hold them: storing a number costs no GC write barrier,
/// and these change on every customer.
/// </summary>
internal sealed class TicketPool(string idPrefix, int tiers, bool recordPaths, int maxAtDesk)
{
    /// <summary>
    /// Open tickets by slot, as indexes (-1: free). A closed ticket's slot is reused first (last
    /// freed, first reused), so walking the slots visits open tickets in a fixed order: the
    /// end-of-run accounting depends on it.
    /// </summary>
    private readonly List<int> _open = [];
    private readonly Stack<int> _freeSlots = new();

    /// <summary>Closed tickets (indexes), for reuse.</summary>
    private readonly Stack<int> _recycled = new();

    /// <summary>Every ticket object the run made, by <see cref="SimTicket.Index"/>: calendar events name tickets by this index.</summary>
    private SimTicket[] _tickets = new SimTicket[64];
    private int _count;
    private long _ticketNumber;

    /// <summary>Tickets the desk holds (queued or in service); a resolved ticket waiting to reopen is not there.</summary>
    private int _atDesk;

    /// <summary>The ticket object with <paramref name="index"/>.</summary>
    public SimTicket this[int index]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _tickets[index];
    }

    /// <summary>
    /// Whether the desk is at its open-ticket limit (maxOpenTickets), so it would refuse the next
    /// submit. The run asks before submitting rather than have the desk refuse: both drivers then
    /// see the same operations, and a refusal costs no exception.
    /// </summary>
    public bool DeskFull => _atDesk >= maxAtDesk;

    /// <summary>A ticket joined the desk (submitted or reopened).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void JoinedDesk() => _atDesk++;

    /// <summary>A ticket left the desk (resolved or abandoned).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void LeftDesk() => _atDesk--;

    /// <summary>Opens the next customer's ticket (numbered in arrival order) on a reused or new object.</summary>
    public SimTicket Open(TicketClassSpec ticketClass, int classIndex, double now, bool counted)
    {
        var ticket = _recycled.TryPop(out var recycled) ? _tickets[recycled] : NewTicket();
        ticket.Start(ticketClass, classIndex, ++_ticketNumber, now, counted, recordPaths);
        if (_freeSlots.TryPop(out var slot))
        {
            _open[slot] = ticket.Index;
        }
        else
        {
            slot = _open.Count;
            _open.Add(ticket.Index);
        }

        ticket.Slot = slot;
        return ticket;
    }

    /// <summary>Closes <paramref name="ticket"/>; its object waits for reuse.</summary>
    public void Close(SimTicket ticket)
    {
        _open[ticket.Slot] = -1;
        _freeSlots.Push(ticket.Slot);

        // Only a pending abandonment can still name the ticket, and it checks the generation.
        ticket.Generation++;
        _recycled.Push(ticket.Index);
    }

    /// <summary>The open tickets, in slot order.</summary>
    public IEnumerable<SimTicket> OpenTickets()
    {
        foreach (var index in _open)
        {
            if (index >= 0)
            {
                yield return _tickets[index];
            }
        }
    }

    private SimTicket NewTicket()
    {
        if (_count == _tickets.Length)
        {
            Array.Resize(ref _tickets, _tickets.Length * 2);
        }

        var ticket = new SimTicket(idPrefix, tiers, _count);
        _tickets[_count++] = ticket;
        return ticket;
    }
}
