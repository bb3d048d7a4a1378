using System.Runtime.InteropServices;

namespace SupportQueue.Core.Routing;

/// <summary>
/// One tier's queue: a heap per distinct set of required skills. Tickets with the same skills are
/// eligible for the same agents, so only the heads of these heaps ever need comparing. Removal is
/// lazy: an entry whose ticket has left (or re-entered with a new epoch) is skipped when it surfaces.
/// </summary>
internal sealed class TierQueue
{
    private readonly int _tier;

    /// <summary>The heap of each skill group (a desk-wide number per distinct skill set), null until used here.</summary>
    private PriorityQueue<(DeskTicket Ticket, int Epoch), QueueKey>?[] _byGroup = [];
    private readonly List<PriorityQueue<(DeskTicket Ticket, int Epoch), QueueKey>> _heaps = [];

    public TierQueue(int tier) => _tier = tier;

    /// <summary>Queued plus offered tickets: offered ones have not left the queue until accepted.</summary>
    public int Count { get; set; }

    /// <summary>Tickets actually waiting (not currently offered).</summary>
    public int Waiting { get; set; }

    public void Push(DeskTicket ticket)
    {
        var group = ticket.SkillGroup;
        if (group >= _byGroup.Length)
        {
            Array.Resize(ref _byGroup, Math.Max(group + 1, _byGroup.Length * 2));
        }

        var heap = _byGroup[group];
        if (heap is null)
        {
            heap = new PriorityQueue<(DeskTicket, int), QueueKey>();
            _byGroup[group] = heap;
            _heaps.Add(heap);
        }

        heap.Enqueue((ticket, ticket.Epoch), ticket.Key);
    }

    /// <summary>Fills <paramref name="heads"/> with the live head of every skill group, best first.</summary>
    public void Heads(List<DeskTicket> heads)
    {
        heads.Clear();
        foreach (var heap in CollectionsMarshal.AsSpan(_heaps))
        {
            while (heap.TryPeek(out var entry, out _))
            {
                if (IsLive(entry.Ticket, entry.Epoch))
                {
                    heads.Add(entry.Ticket);
                    break;
                }

                heap.Dequeue();
            }
        }

        if (heads.Count > 1)
        {
            heads.Sort(static (a, b) => a.Key.CompareTo(b.Key));
        }
    }

    /// <summary>Whether the tier has ever held more than one skill group (then <see cref="Heads"/> must compare them).</summary>
    public bool HasSeveralGroups => _heaps.Count > 1;

    /// <summary>The live head of the only skill group (null when none waits); for a tier that never had several groups.</summary>
    public DeskTicket? OnlyHead()
    {
        if (_heaps.Count == 0)
        {
            return null;
        }

        var heap = _heaps[0];
        while (heap.TryPeek(out var entry, out _))
        {
            if (IsLive(entry.Ticket, entry.Epoch))
            {
                return entry.Ticket;
            }

            heap.Dequeue();
        }

        return null;
    }

    /// <summary>The best waiting ticket, if any.</summary>
    public DeskTicket? Head(List<DeskTicket> scratch)
    {
        Heads(scratch);
        return scratch.Count > 0 ? scratch[0] : null;
    }

    /// <summary>Takes the given head off its heap (it must be the current head of its skill group).</summary>
    public void PopHead(DeskTicket ticket)
    {
        var entry = _byGroup[ticket.SkillGroup]!.Dequeue();
        if (!ReferenceEquals(entry.Ticket, ticket))
        {
            throw new InvalidOperationException("queue invariant broken: popped ticket is not the head");
        }
    }

    private bool IsLive(DeskTicket ticket, int epoch) =>
        ticket.State == DeskTicketState.Queued && ticket.Epoch == epoch && ticket.Tier == _tier;
}
