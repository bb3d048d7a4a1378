using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;

namespace SupportQueue.Core.Routing;

/// <summary>
/// One tier's queue: a heap per distinct set of required skills. Tickets with the same skills are
/// eligible for the same agents, so only the heads of these heaps ever need comparing. Removal is
/// lazy: an entry whose ticket has left (or re-entered with a new epoch) is skipped when it surfaces.
/// The heaps hold plain numbers (the slot of an entry in <see cref="_entries"/>), not the tickets:
/// moving a node that holds a reference costs a GC write barrier and a slow block copy.
/// </summary>
internal sealed class TierQueue
{
    private readonly int _tier;

    /// <summary>The heap of each skill group (a desk-wide number per distinct skill set), null until used here.</summary>
    private PriorityQueue<int, QueueKey>?[] _byGroup = [];
    private readonly List<PriorityQueue<int, QueueKey>> _heaps = [];

    /// <summary>What each heap node stands for, by slot; a slot is free again once its node left the heap.</summary>
    private readonly SlotTable<Entry> _entries = new(16);

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
            heap = new PriorityQueue<int, QueueKey>();
            _byGroup[group] = heap;
            _heaps.Add(heap);
        }

        heap.Enqueue(_entries.Add(new Entry(ticket, ticket.Epoch)), ticket.Key);
    }

    /// <summary>Takes the head node off <paramref name="heap"/> and frees its slot; returns the ticket it named.</summary>
    private DeskTicket Remove(PriorityQueue<int, QueueKey> heap)
    {
        var slot = heap.Dequeue();
        var ticket = _entries[slot].Ticket!;
        _entries.Free(slot);
        return ticket;
    }

    /// <summary>The ticket at the head of <paramref name="heap"/> if it is still waiting here; stale heads are dropped on the way.</summary>
    private DeskTicket? LiveHead(PriorityQueue<int, QueueKey> heap)
    {
        while (heap.TryPeek(out var slot, out _))
        {
            ref readonly var entry = ref _entries[slot];
            if (IsLive(entry.Ticket!, entry.Epoch))
            {
                return entry.Ticket;
            }

            Remove(heap);
        }

        return null;
    }

    /// <summary>Fills <paramref name="heads"/> with the live head of every skill group, best first.</summary>
    public void Heads(List<DeskTicket> heads)
    {
        heads.Clear();
        foreach (var heap in CollectionsMarshal.AsSpan(_heaps))
        {
            if (LiveHead(heap) is { } head)
            {
                heads.Add(head);
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

        return LiveHead(_heaps[0]);
    }

    /// <summary>Takes the given head off its heap (it must be the current head of its skill group).</summary>
    public void PopHead(DeskTicket ticket)
    {
        var popped = Remove(_byGroup[ticket.SkillGroup]!);
        if (!ReferenceEquals(popped, ticket))
        {
            NotTheHead();
        }
    }

    [DoesNotReturn]
    private static void NotTheHead() => throw new InvalidOperationException("queue invariant broken: popped ticket is not the head");

    private bool IsLive(DeskTicket ticket, int epoch) =>
        ticket.State == DeskTicketState.Queued && ticket.Epoch == epoch && ticket.Tier == _tier;

    private readonly struct Entry(DeskTicket ticket, int epoch)
    {
        public readonly DeskTicket? Ticket = ticket;
        public readonly int Epoch = epoch;
    }
}
