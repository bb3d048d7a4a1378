using System.Diagnostics.CodeAnalysis;
using SupportQueue.Core.Escalation;
using SupportQueue.Core.Model;

namespace SupportQueue.Core.Routing;

/// <summary>
/// The routing engine of one desk: per-tier queues, the pools' free capacity, agent selection,
/// cross-pool borrowing and escalation. Deterministic and single-threaded: every operation takes
/// the current time as an argument, and an operation that throws has changed nothing.
/// Live desks host it in a grain; the simulator calls it directly, by handles.
/// </summary>
/// <remarks>
/// This class is the engine's surface; the work is done by its parts. <see cref="DeskState"/> holds
/// the desk (<see cref="AgentPool"/>, <see cref="TicketTable"/>, <see cref="TierQueue"/>s,
/// <see cref="DeadlineQueue"/>, <see cref="SlaTally"/>, <see cref="CheckedPolicy"/>) and the
/// transitions operations are made of; <see cref="OfferBook"/> runs offers and their answers;
/// <see cref="TicketLifecycle"/> admits, resolves, escalates and abandons tickets;
/// <see cref="AgentRegistration"/> admits agents.
/// </remarks>
public sealed class DeskScheduler : IDeskView
{
    private readonly DeskState _desk;

    // The parts the simulator reaches on every customer, held here too to save a hop.
    private readonly TicketTable _table;
    private readonly AgentPool _pool;
    private readonly DeadlineQueue _deadlines;
    private readonly OfferBook _offers;
    private readonly TicketLifecycle _tickets;
    private readonly List<DeskAction> _actions = [];

    public DeskScheduler(string deskId, DeskSettings settings, IEscalationPolicy? policy = null, DeskSchedulerOptions? options = null)
    {
        if (string.IsNullOrWhiteSpace(deskId))
        {
            throw SupportQueueException.Invalid("deskId", deskId, "must not be empty");
        }

        settings.EnsureValid();
        DeskId = deskId;
        _desk = new DeskState(deskId, settings, policy, options ?? new DeskSchedulerOptions(), this);
        _table = _desk.Tickets;
        _pool = _desk.Pool;
        _deadlines = _desk.Deadlines;
        _offers = _desk.Offers;
        _tickets = new TicketLifecycle(_desk);
    }

    public string DeskId { get; }

    public DeskSettings Settings => _desk.Settings;

    public long Submitted => _desk.Submitted;

    public long Resolved => _desk.Resolved;

    /// <summary>Resolved tickets that came back; each re-enters like a submission.</summary>
    public long Reopened => _desk.Reopened;

    public long Abandoned => _desk.Abandoned;

    public long Escalations => _desk.Escalations;

    /// <summary>Tickets the desk dropped because the agent side reported them gone while offered.</summary>
    public long Withdrawn => _desk.Withdrawn;

    public int OpenTickets => _table.Open;

    /// <summary>The running totals, for a host to keep across a restart (see <see cref="RestoreCounts"/>).</summary>
    public DeskCounts Counts() => _desk.Counts();

    /// <summary>
    /// Takes back totals a host kept. Tickets restored since (<see cref="Restore"/>) counted as
    /// submitted again; the kept figure wins unless the restored ones alone are more.
    /// </summary>
    public void RestoreCounts(DeskCounts counts) => _desk.RestoreCounts(counts);

    /// <summary>Entries in the deadline heap, stale ones not yet dropped included: for tests of its growth.</summary>
    internal int PendingDeadlines => _deadlines.Count;

    /// <summary>Offers the agent settled whose answer has not arrived: for tests that none is left behind.</summary>
    internal int SettledByAgentOffers => _offers.SettledByAgent;

    /// <summary>
    /// Replaces the settings. Tiers may change only while the desk has no agents and no open
    /// tickets, so nothing is ever left in a tier that disappeared. Waiting tickets get their
    /// deadlines armed again under the new policy: a wait limit that is now shorter, or new, is
    /// due from when each ticket was queued (but not before <paramref name="now"/>); one that is
    /// now longer or gone is judged when its old deadline fires. When the policy is the settings'
    /// own rules before and after, and neither the wait-timeout rules nor borrowing changed, the
    /// deadlines already armed are the ones arming again would add, so nothing is added.
    /// </summary>
    /// <param name="settings">The new settings.</param>
    /// <param name="policy">The escalation policy; by default the rules in <paramref name="settings"/>.</param>
    /// <param name="now">When the change takes effect; without it, deadlines already past fire at the next advance with their own time.</param>
    public void Reconfigure(DeskSettings settings, IEscalationPolicy? policy = null, DateTimeOffset? now = null) =>
        _desk.Reconfigure(settings, policy, now);

    // ---------------------------------------------------------------- agents

    /// <summary>Adds an agent or updates its tier, skills and capacity (its current work stays).</summary>
    public void UpsertAgent(AgentSpec spec, Presence presence, DateTimeOffset now) => AgentRegistration.Upsert(_desk, spec, presence, now);

    public void SetPresence(string agentId, Presence presence, DateTimeOffset now) => AgentRegistration.SetPresence(_pool, _pool.Get(agentId), presence, now);

    /// <summary><see cref="SetPresence(string, Presence, DateTimeOffset)"/> for an agent addressed by handle.</summary>
    public void SetPresence(int agent, Presence presence, DateTimeOffset now) => AgentRegistration.SetPresence(_pool, _pool.At(agent), presence, now);

    public bool HasAgent(string agentId) => _pool.Contains(agentId);

    /// <summary>
    /// The agent's handle, for hosts in the same process that address agents by number rather than
    /// by id (the simulator): it is the agent's registration order and never changes.
    /// </summary>
    public int AgentHandle(string agentId) => _pool.Get(agentId).Order;

    public int AgentLoad(string agentId) => _pool.Get(agentId).Load;

    // ---------------------------------------------------------------- tickets

    /// <summary>
    /// Takes a new ticket into the queue of the tier the policy chooses. <paramref name="createdAt"/>
    /// (default <paramref name="now"/>) is the basis of its age in queue order.
    /// </summary>
    public Placement Submit(TicketSpec spec, DateTimeOffset now, DateTimeOffset? createdAt = null) =>
        Admit(spec, now, createdAt ?? now, reopened: false);

    /// <summary>
    /// <see cref="Submit(TicketSpec, DateTimeOffset, DateTimeOffset?)"/> for hosts in the same process
    /// that address tickets by handle (the simulator): the ticket is described by a prepared
    /// <paramref name="profile"/>, and with a null <paramref name="ticketId"/> it has no id on this
    /// desk, so it is reachable by its handle alone. Returns the handle, valid until the ticket
    /// closes (resolved, abandoned or withdrawn); <paramref name="tier"/> is where it was queued.
    /// </summary>
    public int Submit(string? ticketId, TicketProfile profile, DateTimeOffset now, out int tier)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return _tickets.Admit(ticketId, profile, now, now, reopened: false, out tier, out _).Handle;
    }

    /// <summary>
    /// Takes a resolved ticket back. It is queued like a new one (its age counts from now), but its
    /// first response was already given, so it does not count against the first-response SLA again.
    /// </summary>
    public Placement Reopen(TicketSpec spec, DateTimeOffset now) => Admit(spec, now, now, reopened: true);

    /// <summary><see cref="Reopen(TicketSpec, DateTimeOffset)"/> by handle; see <see cref="Submit(string?, TicketProfile, DateTimeOffset, out int)"/>. Returns the ticket's new handle.</summary>
    public int Reopen(string? ticketId, TicketProfile profile, DateTimeOffset now, out int tier)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return _tickets.Admit(ticketId, profile, now, now, reopened: true, out tier, out _).Handle;
    }

    private Placement Admit(TicketSpec spec, DateTimeOffset now, DateTimeOffset basis, bool reopened)
    {
        spec.Validate();
        if (spec.DeskId != DeskId)
        {
            throw SupportQueueException.Invalid("deskId", spec.DeskId, $"this is desk '{DeskId}'");
        }

        _tickets.Admit(spec.TicketId, TicketProfile.FromValidSpec(spec), now, basis, reopened, out var tier, out var reason);
        return new Placement(spec.TicketId, _desk.Settings.Tiers[tier].Name, reason, _desk.Settings.SlaFor(spec.Priority));
    }

    /// <summary>
    /// Rebuild after a restart: takes back an open ticket exactly as its own record says — waiting
    /// at <paramref name="tier"/> since <paramref name="queuedAt"/>, or held by
    /// <paramref name="agentId"/>. A wait limit that ran out meanwhile fires on the next
    /// <see cref="AdvanceTo(DateTimeOffset)"/>. False (and nothing changes) when the desk already has the ticket.
    /// </summary>
    public bool Restore(TicketSpec spec, DateTimeOffset createdAt, string tier, DateTimeOffset queuedAt, string? agentId, bool responded, DateTimeOffset now) =>
        _tickets.Restore(spec, createdAt, tier, queuedAt, agentId, responded, now);

    /// <summary>
    /// The holding agent finished the ticket. The same agent resolving a ticket this desk closed for
    /// it a moment ago changes nothing and does not throw: the first attempt reached the desk but the
    /// ticket's own record was never stored (its silo died in between), and the retry must be able to
    /// finish the ticket instead of being refused until a restart reconciles it.
    /// </summary>
    public void Resolve(string ticketId, string agentId, DateTimeOffset now) => _tickets.Resolve(ticketId, agentId, now);

    /// <summary><see cref="Resolve(string, string, DateTimeOffset)"/> by handles.</summary>
    public void Resolve(int ticket, int agent, DateTimeOffset now) =>
        _tickets.Resolve(_desk.Held(_table.At(ticket), _pool.At(agent), now), now);

    /// <summary>
    /// The holding agent escalates the ticket to <paramref name="toTier"/> (default: the policy's
    /// next tier). Throws NoHigherTier at the top tier, changing nothing.
    /// </summary>
    /// <remarks>
    /// The same agent escalating again, with the same <paramref name="toTier"/>, a ticket this desk
    /// escalated for it and that still waits untouched where that escalation queued it (not offered,
    /// assigned or escalated since) changes nothing and gets the first answer: the first attempt
    /// reached the desk but the ticket's own record was never stored (its silo died in between), so
    /// the ticket still names the agent as holder and asks again. The reason of a repeat is not
    /// compared; the answer keeps the first one. Once anything else has happened to the ticket, the
    /// repeat is refused like any escalation by an agent that does not hold it.
    /// </remarks>
    public Placement Escalate(string ticketId, string agentId, string reason, DateTimeOffset now, string? toTier = null) =>
        _tickets.Escalate(ticketId, agentId, reason, now, toTier);

    /// <summary>
    /// <see cref="Escalate(string, string, string, DateTimeOffset, string?)"/> by handles, to the
    /// policy's next tier; returns the index of the tier the ticket was queued at.
    /// </summary>
    public int Escalate(int ticket, int agent, string reason, DateTimeOffset now)
    {
        TicketLifecycle.CheckReason(reason);
        return _tickets.Escalate(_desk.Held(_table.At(ticket), _pool.At(agent), now), reason, now, null, out _);
    }

    /// <summary>The holding agent hands the ticket back unfinished; it waits again at its tier, at its old place.</summary>
    /// <remarks>No host hands tickets back; kept for the desk's property test, whose model includes it.</remarks>
    internal void ReleaseAssigned(string ticketId, string agentId, DateTimeOffset now) => _tickets.Release(ticketId, agentId, now);

    /// <summary>The customer left while the ticket waited. Throws if an agent already holds it.</summary>
    public void Abandon(string ticketId, DateTimeOffset now) =>
        _tickets.Abandon(_table.TryGet(ticketId, out var ticket) ? ticket : throw SupportQueueException.UnknownTicket(ticketId), now);

    /// <summary><see cref="Abandon(string, DateTimeOffset)"/> by handle.</summary>
    public void Abandon(int ticket, DateTimeOffset now) => _tickets.Abandon(_table.At(ticket), now);

    /// <summary>
    /// Takes back a waiting ticket whose submit failed after the desk queued it (its own record was
    /// never stored, so the caller was refused): counted as withdrawn, not abandoned. False when
    /// the desk does not have it; refused when an agent holds it (a held ticket was stored).
    /// </summary>
    public bool Withdraw(string ticketId)
    {
        if (!_table.TryGet(ticketId, out var ticket))
        {
            return false;
        }

        _tickets.Withdraw(ticket);
        return true;
    }

    /// <summary>Whether the ticket is open on this desk, and where.</summary>
    public bool TryGetTicket(string ticketId, out DeskTicketState state, out string tier, out string? agentId)
    {
        if (_table.TryGet(ticketId, out var t))
        {
            state = t.State;
            tier = _desk.Settings.Tiers[t.Tier].Name;
            agentId = t.Agent?.Id;
            return true;
        }

        state = default;
        tier = "";
        agentId = null;
        return false;
    }

    // ---------------------------------------------------------------- offers

    /// <summary>Offers the best waiting ticket to the best free eligible agent, if there is such a pair.</summary>
    public bool TryNextOffer(DateTimeOffset now, [NotNullWhen(true)] out Offer? offer) => _offers.TryOffer(now, out offer);

    /// <summary>
    /// False when <see cref="TryAssignNext"/> and <see cref="TryNextOffer"/> surely find nothing: no
    /// tier has both free capacity and a waiting ticket, and borrowing is off. A cheap test first.
    /// </summary>
    public bool MayAssign => _desk.Matcher.MayMatch(_desk.Queues, _desk.Settings);

    /// <summary>
    /// For hosts whose agents answer at once (the simulator): offers the next ticket and accepts it
    /// in one step, without the reservation bookkeeping an asynchronous answer needs.
    /// </summary>
    public bool TryAssignNext(DateTimeOffset now, out Assignment assignment) => _offers.TryAssign(now, out assignment);

    /// <summary>
    /// The agent side's answer to <paramref name="offer"/>, applied by the desk's offer-reply
    /// protocol (see <see cref="OfferBook.Answer"/>). Returns whether the offer's agent now holds
    /// the ticket, i.e. whether an assignment happened that a host may record.
    /// </summary>
    /// <param name="offer">The offer answered.</param>
    /// <param name="outcome">What the agent side answered.</param>
    /// <param name="presence">The agent's presence as the agent side knows it (used on a decline).</param>
    /// <param name="held">How many tickets the agent side says the agent holds (used on a decline).</param>
    /// <param name="now">When the answer arrived.</param>
    public bool AnswerOffer(Offer offer, OfferOutcome outcome, Presence presence, int held, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(offer);
        return _offers.Answer(offer, outcome, presence, held, now);
    }

    /// <summary>
    /// The offer got no answer (the call failed): it is unknown whether the agent took it. The desk
    /// takes it as declined by an agent still available; the ticket's record fences double holding,
    /// and an agent that did take it reports back through <see cref="RecordAssigned"/>.
    /// </summary>
    public void OfferUnanswered(Offer offer, DateTimeOffset now) => AnswerOffer(offer, OfferOutcome.Declined, Presence.Available, 0, now);

    /// <summary>The agent took the ticket: only now does it leave the queue. False when the offer is no longer pending.</summary>
    public bool AcceptOffer(long reservationId, DateTimeOffset now) => _offers.Accept(reservationId, now);

    /// <summary>
    /// The agent did not take the ticket: it goes back to its place in the queue. The agent side may
    /// report its real presence so the desk stops offering to someone who is not there.
    /// </summary>
    public bool DeclineOffer(long reservationId, DateTimeOffset now, Presence? agentPresence = null, int? agentHeld = null) =>
        _offers.Decline(reservationId, now, agentPresence, agentHeld);

    /// <summary>The agent side reports the ticket no longer needs routing (resolved, abandoned or held elsewhere).</summary>
    public bool WithdrawOffer(long reservationId, DateTimeOffset now) => _offers.Withdraw(reservationId, now);

    /// <summary>
    /// Reconciliation: the agent side reports that <paramref name="agentId"/> holds the ticket
    /// although the desk did not record it (an offer that expired while its acceptance was in
    /// flight). The desk takes the ticket out of its queue, cancels any other pending offer of it,
    /// and counts it against the agent. False when the ticket is not open here.
    /// </summary>
    public bool RecordAssigned(string ticketId, string agentId, DateTimeOffset now) => _offers.RecordAssigned(ticketId, agentId, now);

    // ---------------------------------------------------------------- time

    /// <summary>When the desk next needs <see cref="AdvanceTo(DateTimeOffset)"/> to be called; null when nothing is pending.</summary>
    public DateTimeOffset? NextDeadline
    {
        get
        {
            var ticks = _deadlines.NextTicks;
            return ticks == long.MaxValue ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
        }
    }

    /// <summary><see cref="NextDeadline"/> in UTC ticks; <see cref="long.MaxValue"/> when nothing is pending.</summary>
    public long NextDeadlineTicks => _deadlines.NextTicks;

    /// <summary>Whether a deadline is due at <paramref name="now"/>; when not, <see cref="AdvanceTo(DateTimeOffset)"/> has nothing to do.</summary>
    public bool IsDue(DateTimeOffset now) => _deadlines.IsDue(now);

    /// <summary>
    /// Applies every deadline due at or before <paramref name="now"/>, in time order, each at its own
    /// due time: wait-timeout escalations and expired offers.
    /// </summary>
    public IReadOnlyList<DeskAction> AdvanceTo(DateTimeOffset now) => AdvanceTo(now, null);

    /// <summary>
    /// <see cref="AdvanceTo(DateTimeOffset)"/> that also appends to <paramref name="ticketHandles"/>
    /// the handle of each action's ticket, in the same order.
    /// </summary>
    public IReadOnlyList<DeskAction> AdvanceTo(DateTimeOffset now, List<int>? ticketHandles)
    {
        _actions.Clear();
        while (_deadlines.TryTakeDue(now.UtcTicks, out var d, out var key))
        {
            var at = new DateTimeOffset(key.Ticks, TimeSpan.Zero);
            if (d.ReservationId != 0)
            {
                _actions.Add(_offers.Expire(d.ReservationId, at, ticketHandles));
            }
            else if (!d.WakeOnly && _tickets.EscalateOnWait(d, key, at) is { } action)
            {
                // A wake-only deadline changes nothing: the ticket just became borrowable, and the
                // host must look for offers now rather than at whatever event happens to come next.
                _actions.Add(action);
                ticketHandles?.Add(d.Ticket!.Handle);
            }
        }

        return _actions.Count == 0 ? [] : _actions.ToArray();
    }

    // ---------------------------------------------------------------- views

    public int QueueLength(int tier) => _desk.Queues[tier].Count;

    public TimeSpan ExpectedWait(int tier) => _pool.ExpectedWait(tier, _desk.Queues[tier].Waiting);

    public bool TierHasSkills(int tier, IReadOnlyList<string> skills) => _pool.TierHasSkills(tier, skills);

    public DeskStatus Status(DateTimeOffset now) => DeskStatusBuilder.Build(this, _desk.Queues, _desk.Pool, _desk.Tickets, _desk.Sla, now);

    /// <summary>A page of the tickets waiting at <paramref name="tier"/>, in queue order (see <see cref="DeskQueries"/>).</summary>
    public WaitingPage Waiting(string tier, int skip, int take) => DeskQueries.Waiting(Settings, _desk.Tickets, tier, skip, take);

    /// <summary>Every agent in the desk's pools, by id.</summary>
    public System.Collections.Immutable.ImmutableArray<DeskAgent> Agents() => DeskQueries.Agents(Settings, _desk.Pool);

    /// <summary>
    /// Verifies the bookkeeping: queue counts, capacities, conservation. Throws
    /// <see cref="InvalidOperationException"/> describing the first violation. For tests and audits.
    /// </summary>
    public void CheckInvariants() => DeskAudit.Check(this, _desk.Queues, _desk.Pool, _desk.Tickets, _desk.Offers);
}
