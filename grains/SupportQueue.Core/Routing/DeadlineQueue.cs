namespace SupportQueue.Core.Routing;

/// <summary>
/// The desk's pending deadlines in time order (ties in the order they were armed). Removal is lazy:
/// a deadline whose offer ended or whose ticket left that queue entry is dropped when it surfaces.
/// </summary>
internal sealed class DeadlineQueue(OfferBook offers)
{
    private readonly PriorityQueue<Deadline, (long Ticks, long Sequence)> _heap = new();

    /// <summary>Entries, stale ones not yet dropped included.</summary>
    public int Count => _heap.Count;

    /// <summary>When the first live deadline is due, in UTC ticks; <see cref="long.MaxValue"/> when none is.</summary>
    public long NextTicks
    {
        get
        {
            while (_heap.TryPeek(out var d, out var key))
            {
                if (IsLive(d))
                {
                    return key.Ticks;
                }

                _heap.Dequeue();
            }

            return long.MaxValue;
        }
    }

    /// <summary>Whether an entry (perhaps stale) is due at <paramref name="now"/>.</summary>
    public bool IsDue(DateTimeOffset now) => _heap.TryPeek(out _, out var key) && key.Ticks <= now.UtcTicks;

    public void AddOffer(long reservationId, DateTimeOffset expires) =>
        _heap.Enqueue(new Deadline(null, 0, reservationId), (expires.UtcTicks, reservationId));

    public void AddWaitLimit(DeskTicket ticket, DateTimeOffset due, long sequence) =>
        _heap.Enqueue(new Deadline(ticket, ticket.Epoch, 0), (due.UtcTicks, sequence));

    /// <summary>The moment a waiting ticket becomes borrowable: nothing changes then, but the host must look for offers.</summary>
    public void AddWake(DeskTicket ticket, DateTimeOffset eligible, long sequence) =>
        _heap.Enqueue(new Deadline(ticket, ticket.Epoch, 0, WakeOnly: true), (eligible.UtcTicks, sequence));

    /// <summary>Takes the next live deadline due at or before <paramref name="nowTicks"/>, dropping stale ones on the way.</summary>
    public bool TryTakeDue(long nowTicks, out Deadline deadline, out (long Ticks, long Sequence) key)
    {
        while (_heap.TryPeek(out deadline, out key) && key.Ticks <= nowTicks)
        {
            _heap.Dequeue();
            if (IsLive(deadline))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Puts back a deadline taken by <see cref="TryTakeDue"/> that could not be applied.</summary>
    public void Restore(Deadline deadline, (long Ticks, long Sequence) key) => _heap.Enqueue(deadline, key);

    private bool IsLive(Deadline d) => d.ReservationId != 0
        ? offers.IsPending(d.ReservationId)
        : d.Ticket!.State == DeskTicketState.Queued && d.Ticket.Epoch == d.Epoch;
}
