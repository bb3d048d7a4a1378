using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using SupportQueue.Core.Model;

namespace SupportQueue.Core.Routing;

/// <summary>
/// The desk's open tickets: by handle (a slot, reused once the ticket closes) and, for tickets that
/// have one, by id. Closed records are kept for reuse, so a simulation admits tickets without
/// allocating; a skill set gets a desk-wide number so queues index their heaps instead of hashing it.
/// </summary>
internal sealed class TicketTable
{
    /// <summary>Open tickets that have an id, by id. Tickets admitted by handle alone are not here.</summary>
    private readonly Dictionary<string, DeskTicket> _byId = new(StringComparer.Ordinal);

    /// <summary>Every open ticket by handle; empty slots are free.</summary>
    private readonly SlotTable<Slot> _slots = new(64);

    /// <summary>
    /// Records of closed tickets, for reuse. A ticket closed while an offer of it was out is never
    /// put here: the offer still names it, and must find it closed.
    /// </summary>
    private readonly Stack<DeskTicket> _spare = new();

    private readonly Dictionary<string, int> _skillGroups = new(StringComparer.Ordinal);

    /// <summary>
    /// The skill array of each group, as first seen: every ticket of the group shares it, so a
    /// ticket submitted by id (its spec deserialised afresh) keeps no array or skill names of its own.
    /// </summary>
    private readonly List<string[]> _groupSkills = [];

    public int Open { get; private set; }

    /// <summary>Open tickets that have an id.</summary>
    public int WithId => _byId.Count;

    public bool Contains(string ticketId) => _byId.ContainsKey(ticketId);

    public bool TryGet(string ticketId, [MaybeNullWhen(false)] out DeskTicket ticket) => _byId.TryGetValue(ticketId, out ticket);

    // On every in-process operation: the throw is out of line so this inlines.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public DeskTicket At(int handle) =>
        (uint)handle < (uint)_slots.Used && _slots[handle].Ticket is { } ticket ? ticket : UnknownTicket(handle);

    /// <summary>A fresh record for a ticket about to be admitted (not yet open: see <see cref="Add"/>).</summary>
    public DeskTicket Create(string? ticketId, TicketProfile profile, DateTimeOffset createdAt, bool responded)
    {
        if (!_spare.TryPop(out var ticket))
        {
            ticket = new DeskTicket();
        }

        var group = SkillGroup(profile);
        ticket.Start(ticketId, profile.Priority, _groupSkills[group], group, profile.EntryTier, createdAt, responded);
        return ticket;
    }

    /// <summary>Gives an admitted ticket its handle (the most recently freed slot first) and its id entry.</summary>
    public void Add(DeskTicket ticket)
    {
        if (ticket.Id is not null)
        {
            _byId.Add(ticket.Id, ticket);
        }

        ticket.Handle = _slots.Add(new Slot(ticket));
        Open++;
    }

    /// <summary>The ticket leaves the desk: its handle and id are free again, and so is its record unless an offer still names it.</summary>
    /// <remarks>Once per customer in a simulation: always inlined (the id index, which simulated tickets skip, stays out of line).</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Close(DeskTicket ticket)
    {
        var offered = ticket.State == DeskTicketState.Offered;
        ticket.State = DeskTicketState.Closed;
        ticket.Agent = null;
        if (ticket.Id is not null)
        {
            Unindex(ticket.Id);
        }

        _slots.Free(ticket.Handle);
        ticket.Handle = -1;
        Open--;
        if (!offered)
        {
            _spare.Push(ticket);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Unindex(string ticketId) => _byId.Remove(ticketId);

    /// <summary>Every open ticket, in handle order. Not for per-customer paths: it allocates an enumerator.</summary>
    public IEnumerable<DeskTicket> All()
    {
        for (var i = 0; i < _slots.Used; i++)
        {
            if (_slots[i].Ticket is { } ticket)
            {
                yield return ticket;
            }
        }
    }

    /// <summary>Whether <paramref name="ticket"/> is the one open under its id.</summary>
    public bool IsIndexed(DeskTicket ticket) => ticket.Id is not null && _byId.TryGetValue(ticket.Id, out var byId) && ReferenceEquals(byId, ticket);

    private int SkillGroup(TicketProfile profile)
    {
        if (profile.Group is { } cached && ReferenceEquals(cached.Desk, this))
        {
            return cached.Group;
        }

        if (!_skillGroups.TryGetValue(profile.SkillKey, out var group))
        {
            group = _skillGroups.Count;
            _skillGroups.Add(profile.SkillKey, group);
            _groupSkills.Add(profile.SkillArray);
        }

        profile.Group = new SkillGroupCache(this, group);
        return group;
    }

    [DoesNotReturn]
    private static DeskTicket UnknownTicket(int handle) => throw SupportQueueException.UnknownTicket($"#{handle}");

    /// <summary>
    /// A slot's content. A struct, so the slot table's code is made for it: over a class the
    /// shared generic code would type-check every store and every reference into the array.
    /// </summary>
    private readonly struct Slot(DeskTicket ticket)
    {
        public readonly DeskTicket? Ticket = ticket;
    }
}
