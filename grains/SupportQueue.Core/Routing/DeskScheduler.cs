using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using SupportQueue.Core.Escalation;
using SupportQueue.Core.Model;

namespace SupportQueue.Core.Routing;

/// <summary>Switches for how a host drives the desk.</summary>
public sealed record DeskSchedulerOptions
{
    /// <summary>
    /// Arm a deadline for every offer so an unanswered one is released. A host that answers every
    /// offer at once (the simulator) turns it off and saves the bookkeeping.
    /// </summary>
    public bool ExpireOffers { get; init; } = true;
}

/// <summary>
/// The routing engine of one desk: per-tier queues, the pools' free capacity, agent selection,
/// cross-pool borrowing and escalation. Deterministic and single-threaded: every operation takes
/// the current time as an argument, and an operation that throws has changed nothing.
/// Live desks host it in a grain; the simulator calls it directly.
/// </summary>
public sealed class DeskScheduler : IDeskView
{
    private const double HandleTimeSmoothing = 0.1;

    private readonly DeskSchedulerOptions _options;
    /// <summary>Open tickets that have an id, by id. Tickets admitted by handle alone are not here.</summary>
    private readonly Dictionary<string, DeskTicket> _tickets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PoolAgent> _agents = new(StringComparer.Ordinal);

    /// <summary>Every agent by handle: the handle is the registration order (agents are never removed).</summary>
    private readonly List<PoolAgent> _agentList = [];

    /// <summary>Every open ticket by handle (its slot); null slots are free.</summary>
    private DeskTicket?[] _slots = new DeskTicket?[64];

    /// <summary>Free slots below <see cref="_slotCount"/>, the most recently freed last.</summary>
    private int[] _freeSlots = new int[64];
    private int _freeCount;
    private int _slotCount;
    private int _open;
    private readonly Dictionary<long, Reservation> _reservations = [];
    private readonly HashSet<long> _settledByAgent = [];
    private readonly PriorityQueue<Deadline, (long Ticks, long Sequence)> _deadlines = new();
    private readonly List<DeskTicket> _scratch = [];

    /// <summary>
    /// Records of closed tickets, for reuse. A ticket closed while an offer of it was out is never
    /// put here: the offer still names it, and must find it closed.
    /// </summary>
    private readonly Stack<DeskTicket> _spareTickets = new();

    /// <summary>A number per distinct required-skill set, so queues index their heaps instead of hashing the set.</summary>
    private readonly Dictionary<string, int> _skillGroups = new(StringComparer.Ordinal);
    private readonly List<DeskAction> _actions = [];
    private DeskSettings _settings;
    private IEscalationPolicy _policy;
    private TierQueue[] _queues;
    private List<PoolAgent>[] _pools;
    private int[] _freeCapacity;

    /// <summary>Per tier, the agents with free capacity (unordered): selection scans only these.</summary>
    private List<PoolAgent>[] _free;
    private int[] _roundRobin;
    private double[] _handleMinutes;
    private SlaTarget?[] _slaTargets = new SlaTarget?[5];
    private SlaCount[] _sla = new SlaCount[5];
    private long _sequence;

    /// <summary>
    /// False when no queued ticket can need a deadline: the policy never limits waiting (the rule
    /// policy says so up front; any other policy is asked per ticket) and borrowing has no minimum
    /// wait. Then queueing a ticket skips the deadline bookkeeping.
    /// </summary>
    private bool _armsDeadlines = true;

    /// <summary>Whether <see cref="_policy"/> is the rule policy of <see cref="_settings"/> (no policy was plugged in).</summary>
    private bool _policyFromSettings;

    /// <summary>
    /// The policy is the rule policy without rules: a ticket that asks for no entry tier is queued
    /// at the first tier, so admitting it skips the two policy calls (one per ticket in a simulation).
    /// </summary>
    private bool _plainEntry;

    public DeskScheduler(string deskId, DeskSettings settings, IEscalationPolicy? policy = null, DeskSchedulerOptions? options = null)
    {
        if (string.IsNullOrWhiteSpace(deskId))
        {
            throw SupportQueueException.Invalid("deskId", deskId, "must not be empty");
        }

        settings.EnsureValid();
        DeskId = deskId;
        _options = options ?? new DeskSchedulerOptions();
        _settings = settings;
        _policy = policy ?? new RuleBasedEscalationPolicy(settings);
        var tiers = settings.TierCount;
        _queues = new TierQueue[tiers];
        _pools = new List<PoolAgent>[tiers];
        _freeCapacity = new int[tiers];
        _free = new List<PoolAgent>[tiers];
        _roundRobin = new int[tiers];
        _handleMinutes = new double[tiers];
        for (var t = 0; t < tiers; t++)
        {
            _queues[t] = new TierQueue(t);
            _pools[t] = [];
            _free[t] = [];
            _handleMinutes[t] = settings.Tiers[t].HandleTimeEstimate.TotalMinutes;
        }

        _slaTargets = SlaTargets(settings);
        _armsDeadlines = ArmsDeadlines(settings, _policy);
        _policyFromSettings = policy is null;
        _plainEntry = _policy is RuleBasedEscalationPolicy { HasRules: false };
    }

    private static bool ArmsDeadlines(DeskSettings settings, IEscalationPolicy policy) =>
        policy is not RuleBasedEscalationPolicy { HasWaitTimeouts: false }
        || (settings.Borrowing.Enabled && settings.Borrowing.MinWait > TimeSpan.Zero);

    /// <summary>The SLA target of each priority, looked up once per settings rather than per ticket.</summary>
    private static SlaTarget?[] SlaTargets(DeskSettings settings)
    {
        var targets = new SlaTarget?[5];
        foreach (var p in Enum.GetValues<Priority>())
        {
            targets[(int)p] = settings.SlaFor(p);
        }

        return targets;
    }

    public string DeskId { get; }

    public DeskSettings Settings => _settings;

    public long Submitted { get; private set; }

    public long Resolved { get; private set; }

    /// <summary>Resolved tickets that came back; each re-enters like a submission.</summary>
    public long Reopened { get; private set; }

    public long Abandoned { get; private set; }

    public long Escalations { get; private set; }

    /// <summary>Tickets the desk dropped because the agent side reported them gone while offered.</summary>
    public long Withdrawn { get; private set; }

    public int OpenTickets => _open;

    /// <summary>Entries in the deadline heap, stale ones not yet dropped included: for tests of its growth.</summary>
    internal int PendingDeadlines => _deadlines.Count;

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
    public void Reconfigure(DeskSettings settings, IEscalationPolicy? policy = null, DateTimeOffset? now = null)
    {
        settings.EnsureValid();
        var sameTiers = settings.Tiers.Select(t => t.Name).SequenceEqual(_settings.Tiers.Select(t => t.Name), StringComparer.OrdinalIgnoreCase);
        if (!sameTiers && (_agents.Count > 0 || _open > 0))
        {
            throw SupportQueueException.Invalid("tiers", string.Join(",", settings.Tiers.Select(t => t.Name)), "tiers cannot change while the desk has agents or open tickets");
        }

        if (!sameTiers)
        {
            var fresh = new DeskScheduler(DeskId, settings, policy, _options);
            _queues = fresh._queues;
            _pools = fresh._pools;
            _freeCapacity = fresh._freeCapacity;
            _free = fresh._free;
            _roundRobin = fresh._roundRobin;
            _handleMinutes = fresh._handleMinutes;
        }

        var agingChanged = settings.AgingStep != _settings.AgingStep;

        // A plugged-in policy may answer differently whatever the settings say: only the rules'
        // own wait limits are known to be unchanged.
        var deadlinesChanged = policy is not null || !_policyFromSettings || !SameDeadlines(_settings, settings);
        _settings = settings;
        _slaTargets = SlaTargets(settings);
        _policy = policy ?? new RuleBasedEscalationPolicy(settings);
        _policyFromSettings = policy is null;
        _armsDeadlines = ArmsDeadlines(settings, _policy);
        _plainEntry = _policy is RuleBasedEscalationPolicy { HasRules: false };
        if (agingChanged && _open > 0)
        {
            RekeyQueues();
        }

        if (deadlinesChanged && _open > 0)
        {
            foreach (var ticket in OpenTicketList())
            {
                if (ticket.State == DeskTicketState.Queued)
                {
                    ArmDeadlines(ticket, now ?? ticket.QueuedAt, ticket.QueuedAt);
                }
            }
        }
    }

    /// <summary>
    /// Whether the settings' rule policy arms the same deadlines under both: the wait-timeout rules
    /// (the only rules with a deadline), borrowing (its wake-ups) and the number of tiers (the top
    /// tier borrows from nobody) are the same. Compared by value, as settings arrive deserialized.
    /// </summary>
    private static bool SameDeadlines(DeskSettings before, DeskSettings after) =>
        before.TierCount == after.TierCount
        && before.Borrowing == after.Borrowing
        && WaitTimeouts(before).SequenceEqual(WaitTimeouts(after));

    private static IEnumerable<EscalationRule> WaitTimeouts(DeskSettings settings) =>
        settings.Escalation.IsDefault ? [] : settings.Escalation.Where(r => r.Kind == EscalationRuleKind.WaitTimeout);

    /// <summary>
    /// Queue keys bake in the aging step (aged keys all have rank 0, strict ones rank by priority),
    /// so keys made under the old step cannot be compared with new ones: recompute every open
    /// ticket's key, keeping its arrival sequence, and rebuild the heaps from the waiting tickets.
    /// </summary>
    private void RekeyQueues()
    {
        for (var t = 0; t < _queues.Length; t++)
        {
            _queues[t] = new TierQueue(t) { Count = _queues[t].Count, Waiting = _queues[t].Waiting };
        }

        foreach (var ticket in OpenTicketList())
        {
            ticket.Key = QueueKey.For(ticket.Priority, ticket.AgeBasis, _settings.AgingStep, ticket.Key.Sequence);
            if (ticket.State == DeskTicketState.Queued)
            {
                _queues[ticket.Tier].Push(ticket);
            }
        }
    }

    // ---------------------------------------------------------------- agents

    /// <summary>Adds an agent or updates its tier, skills and capacity (its current work stays).</summary>
    public void UpsertAgent(AgentSpec spec, Presence presence, DateTimeOffset now)
    {
        spec.Validate(_settings);
        if (spec.DeskId != DeskId)
        {
            throw SupportQueueException.Invalid("deskId", spec.DeskId, $"this is desk '{DeskId}'");
        }

        if (!Enum.IsDefined(presence))
        {
            throw SupportQueueException.Invalid("presence", presence.ToString(), "must be Offline, Available or Break");
        }

        var tier = _settings.TierIndex(spec.Tier);
        var skills = spec.SkillLevels.ToDictionary(s => s.Skill, s => s.Proficiency, StringComparer.Ordinal);
        if (_agents.TryGetValue(spec.AgentId, out var agent))
        {
            if (agent.Tier != tier && agent.Load > 0)
            {
                throw SupportQueueException.Invalid("tier", spec.Tier, $"agent '{spec.AgentId}' still holds {agent.Load} ticket(s) at {_settings.Tiers[agent.Tier].Name}");
            }

            // Load (held tickets and pending offers) above capacity is what CheckInvariants rejects;
            // shrinking has to wait until the agent is down to the new capacity.
            if (spec.Capacity < agent.Load)
            {
                throw SupportQueueException.Invalid("capacity", spec.Capacity, $"agent '{spec.AgentId}' still holds {agent.Load} ticket(s)");
            }

            _freeCapacity[agent.Tier] -= agent.FreeCapacity;
            if (agent.Tier != tier)
            {
                Untrack(agent);
                _pools[agent.Tier].Remove(agent);
                _pools[tier].Add(agent);
                _pools[tier].Sort(static (a, b) => a.Order.CompareTo(b.Order));
                agent.Tier = tier;
            }

            agent.Capacity = spec.Capacity;
            agent.Skills = skills;
            if (agent.Presence != presence)
            {
                agent.Presence = presence;
                if (presence == Presence.Available)
                {
                    agent.FreeSince = now;
                }
            }

            _freeCapacity[agent.Tier] += agent.FreeCapacity;
            TrackFree(agent);
            return;
        }

        agent = new PoolAgent
        {
            Id = spec.AgentId,
            Order = _agents.Count,
            Tier = tier,
            Capacity = spec.Capacity,
            Presence = presence,
            Skills = skills,
            FreeSince = now,
        };
        _agents.Add(agent.Id, agent);
        _agentList.Add(agent);
        _pools[tier].Add(agent);
        _freeCapacity[tier] += agent.FreeCapacity;
        TrackFree(agent);
    }

    public void SetPresence(string agentId, Presence presence, DateTimeOffset now) => SetPresence(GetAgent(agentId), presence, now);

    /// <summary><see cref="SetPresence(string, Presence, DateTimeOffset)"/> for an agent addressed by handle.</summary>
    public void SetPresence(int agent, Presence presence, DateTimeOffset now) => SetPresence(AgentAt(agent), presence, now);

    private void SetPresence(PoolAgent agent, Presence presence, DateTimeOffset now)
    {
        if (!Enum.IsDefined(presence))
        {
            throw SupportQueueException.Invalid("presence", presence.ToString(), "must be Offline, Available or Break");
        }

        if (agent.Presence == presence)
        {
            return;
        }

        _freeCapacity[agent.Tier] -= agent.FreeCapacity;
        agent.Saturated = false;
        agent.Presence = presence;
        if (presence == Presence.Available)
        {
            agent.FreeSince = now;
        }

        _freeCapacity[agent.Tier] += agent.FreeCapacity;
        TrackFree(agent);
    }

    public bool HasAgent(string agentId) => _agents.ContainsKey(agentId);

    /// <summary>
    /// The agent's handle, for hosts in the same process that address agents by number rather than
    /// by id (the simulator): it is the agent's registration order and never changes.
    /// </summary>
    public int AgentHandle(string agentId) => GetAgent(agentId).Order;

    public int AgentLoad(string agentId) => GetAgent(agentId).Load;

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
        return Admit(ticketId, profile, now, now, reopened: false, out tier, out _).Handle;
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
        return Admit(ticketId, profile, now, now, reopened: true, out tier, out _).Handle;
    }

    private Placement Admit(TicketSpec spec, DateTimeOffset now, DateTimeOffset basis, bool reopened)
    {
        spec.Validate();
        if (spec.DeskId != DeskId)
        {
            throw SupportQueueException.Invalid("deskId", spec.DeskId, $"this is desk '{DeskId}'");
        }

        Admit(spec.TicketId, TicketProfile.FromValidSpec(spec), now, basis, reopened, out var tier, out var reason);
        return new Placement(spec.TicketId, _settings.Tiers[tier].Name, reason, _settings.SlaFor(spec.Priority));
    }

    private DeskTicket Admit(string? ticketId, TicketProfile profile, DateTimeOffset now, DateTimeOffset basis, bool reopened, out int tier, out string? reason)
    {
        if (ticketId is not null && _tickets.ContainsKey(ticketId))
        {
            throw new SupportQueueException(RefusalCode.DuplicateTicket, $"ticketId: '{ticketId}' — already open on desk '{DeskId}'");
        }

        if (profile.EntryTier is { } requested && _settings.TierIndex(requested) < 0)
        {
            throw SupportQueueException.Invalid("entryTier", requested, $"no such tier; the desk has {string.Join(", ", _settings.Tiers.Select(t => t.Name))}");
        }

        if (_open >= _settings.MaxOpenTickets)
        {
            throw new SupportQueueException(RefusalCode.QueueFull, $"desk '{DeskId}': {_open} open tickets, the limit is {_settings.MaxOpenTickets}");
        }

        var ticket = NewDeskTicket(ticketId, profile, basis, reopened);
        int placed;
        if (_plainEntry && profile.EntryTier is null)
        {
            // What the rule policy without rules would answer: the first tier, no redirect, no reason.
            placed = 0;
            reason = null;
        }
        else
        {
            var view = View(ticket);
            var entry = _policy.EntryTier(view, this);
            CheckPolicyTier(entry.Tier, 0, nameof(IEscalationPolicy.EntryTier));
            var redirect = _policy.Redirect(view, entry.Tier, this);
            CheckPolicyTier(redirect.Tier, entry.Tier, nameof(IEscalationPolicy.Redirect));
            placed = redirect.Tier;
            reason = Join(entry.Reason, redirect.Reason);
        }

        // The sequence is taken only once nothing can fail, so a refused submit leaves no trace.
        ticket.Key = QueueKey.For(ticket.Priority, basis, _settings.AgingStep, ++_sequence);
        Open(ticket);
        if (reopened)
        {
            Reopened++;
        }
        else
        {
            Submitted++;
        }

        Enqueue(ticket, placed, now);
        tier = placed;
        return ticket;
    }

    /// <summary>Offers the best waiting ticket to the best free eligible agent, if there is such a pair.</summary>
    public bool TryNextOffer(DateTimeOffset now, [NotNullWhen(true)] out Offer? offer)
    {
        if (!TryFindMatch(now, out var ticket, out var agent, out var queueTier))
        {
            offer = null;
            return false;
        }

        // Read before taking it off the queue, which ends what the escalation's repeat may claim.
        var escalated = ticket.Escalation?.Unconfirmed;
        TakeFromQueue(ticket, agent);
        ticket.State = DeskTicketState.Offered;
        var id = ++_sequence;
        ticket.ReservationId = id;
        _reservations.Add(id, new Reservation(ticket, agent));
        var expires = now + _settings.ReservationTimeout;
        if (_options.ExpireOffers)
        {
            _deadlines.Enqueue(new Deadline(null, 0, id), (expires.UtcTicks, id));
        }

        offer = new Offer(id, ticket.Name, agent.Id, _settings.Tiers[queueTier].Name, now, expires, queueTier != agent.Tier, escalated);
        return true;
    }

    /// <summary>
    /// False when <see cref="TryAssignNext"/> and <see cref="TryNextOffer"/> surely find nothing: no
    /// tier has both free capacity and a waiting ticket, and borrowing is off. A cheap test first.
    /// </summary>
    public bool MayAssign
    {
        get
        {
            if (_settings.Borrowing.Enabled)
            {
                return true;
            }

            for (var t = 0; t < _queues.Length; t++)
            {
                if (_freeCapacity[t] > 0 && _queues[t].Waiting > 0)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>The best (waiting ticket, free eligible agent) pair: own tier first, then borrowing.</summary>
    private bool TryFindMatch(DateTimeOffset now, [NotNullWhen(true)] out DeskTicket? ticket, [NotNullWhen(true)] out PoolAgent? agent, out int queueTier)
    {
        var tiers = _queues.Length;
        for (var t = 0; t < tiers; t++)
        {
            if (_freeCapacity[t] > 0 && _queues[t].Waiting > 0 && FindInQueue(t, t, null, now, out ticket, out agent))
            {
                queueTier = t;
                return true;
            }
        }

        if (_settings.Borrowing.Enabled)
        {
            for (var t = tiers - 1; t >= 1; t--)
            {
                if (_freeCapacity[t] == 0 || _queues[t].Waiting > 0)
                {
                    continue;
                }

                for (var lower = t - 1; lower >= 0; lower--)
                {
                    if (_queues[lower].Waiting > 0 && FindInQueue(lower, t, _settings.Borrowing.MinWait, now, out ticket, out agent))
                    {
                        queueTier = lower;
                        return true;
                    }
                }
            }
        }

        ticket = null;
        agent = null;
        queueTier = -1;
        return false;
    }

    /// <summary>
    /// For hosts whose agents answer at once (the simulator): offers the next ticket and accepts it
    /// in one step, without the reservation bookkeeping an asynchronous answer needs.
    /// </summary>
    public bool TryAssignNext(DateTimeOffset now, out Assignment assignment)
    {
        if (!TryFindMatch(now, out var ticket, out var agent, out var queueTier))
        {
            assignment = default;
            return false;
        }

        TakeFromQueue(ticket, agent);
        Settle(ticket, agent, now);
        assignment = new Assignment(ticket.Handle, agent.Order, queueTier);
        return true;
    }

    /// <summary>The agent took the ticket: only now does it leave the queue. False when the offer is no longer pending.</summary>
    public bool AcceptOffer(long reservationId, DateTimeOffset now)
    {
        if (!_reservations.Remove(reservationId, out var r))
        {
            // The agent already acted on the ticket before its acceptance reached the desk.
            return _settledByAgent.Remove(reservationId);
        }

        Settle(r.Ticket, r.Agent, now);
        return r.Ticket.State != DeskTicketState.Closed;
    }

    private void Settle(DeskTicket ticket, PoolAgent agent, DateTimeOffset now)
    {
        if (ticket.State == DeskTicketState.Closed)
        {
            // Abandoned while the offer was out: the agent side must not keep it.
            FreeAgent(agent);
            return;
        }

        _queues[ticket.Tier].Count--;
        ticket.State = DeskTicketState.Assigned;
        ticket.Agent = agent;
        ticket.AssignedAt = now;
        if (!ticket.Responded)
        {
            ticket.Responded = true;
            var target = _slaTargets[(int)ticket.Priority]?.FirstResponse;
            if (target is { } t)
            {
                ref var count = ref _sla[(int)ticket.Priority];
                if (now - ticket.CreatedAt <= t)
                {
                    count.FirstResponseMet++;
                }
                else
                {
                    count.FirstResponseBreached++;
                }
            }
        }
    }

    /// <summary>
    /// The agent did not take the ticket: it goes back to its place in the queue. The agent side may
    /// report its real presence so the desk stops offering to someone who is not there.
    /// </summary>
    public bool DeclineOffer(long reservationId, DateTimeOffset now, Presence? agentPresence = null, int? agentHeld = null)
    {
        // Checked before the reservation is dropped: failing afterwards would strand the ticket as
        // offered with nobody holding the offer.
        if (agentPresence is { } reported && !Enum.IsDefined(reported))
        {
            throw SupportQueueException.Invalid("presence", reported.ToString(), "must be Offline, Available or Break");
        }

        if (!_reservations.Remove(reservationId, out var r))
        {
            return false;
        }

        FreeAgent(r.Agent);
        if (agentPresence is { } presence)
        {
            SetPresence(r.Agent, presence, now);
        }

        if (agentHeld is { } held && held >= r.Agent.Capacity && r.Agent.FreeCapacity > 0)
        {
            // Offering again would be refused again: wait until the agent frees a slot.
            _freeCapacity[r.Agent.Tier] -= r.Agent.FreeCapacity;
            r.Agent.Saturated = true;
            TrackFree(r.Agent);
        }

        if (r.Ticket.State == DeskTicketState.Offered)
        {
            Requeue(r.Ticket, now);
        }

        return true;
    }

    /// <summary>The agent side reports the ticket no longer needs routing (resolved, abandoned or held elsewhere).</summary>
    public bool WithdrawOffer(long reservationId, DateTimeOffset now)
    {
        if (!_reservations.Remove(reservationId, out var r))
        {
            return false;
        }

        FreeAgent(r.Agent);
        if (r.Ticket.State == DeskTicketState.Offered)
        {
            _queues[r.Ticket.Tier].Count--;
            Close(r.Ticket);
            Withdrawn++;
        }

        return true;
    }

    /// <summary>
    /// Reconciliation: the agent side reports that <paramref name="agentId"/> holds the ticket
    /// although the desk did not record it (an offer that expired while its acceptance was in
    /// flight). The desk takes the ticket out of its queue, cancels any other pending offer of it,
    /// and counts it against the agent. False when the ticket is not open here.
    /// </summary>
    public bool RecordAssigned(string ticketId, string agentId, DateTimeOffset now)
    {
        var agent = GetAgent(agentId);
        if (!_tickets.TryGetValue(ticketId, out var ticket))
        {
            return false;
        }

        if (ticket.State == DeskTicketState.Assigned)
        {
            return ticket.Agent == agent;
        }

        if (ticket.State == DeskTicketState.Offered && _reservations.Remove(ticket.ReservationId, out var other))
        {
            FreeAgent(other.Agent);
        }
        else if (ticket.State == DeskTicketState.Queued)
        {
            _queues[ticket.Tier].Waiting--;
        }

        _queues[ticket.Tier].Count--;
        _freeCapacity[agent.Tier] -= agent.FreeCapacity;
        agent.Load++;
        _freeCapacity[agent.Tier] += agent.FreeCapacity;
        TrackFree(agent);
        ticket.State = DeskTicketState.Assigned;
        ticket.Agent = agent;
        ticket.AssignedAt = now;
        ticket.Responded = true;
        ticket.Escalation = null;
        return true;
    }

    /// <summary>
    /// Rebuild after a restart: takes back an open ticket exactly as its own record says — waiting
    /// at <paramref name="tier"/> since <paramref name="queuedAt"/>, or held by
    /// <paramref name="agentId"/>. A wait limit that ran out meanwhile fires on the next
    /// <see cref="AdvanceTo(DateTimeOffset)"/>. False (and nothing changes) when the desk already has the ticket.
    /// </summary>
    public bool Restore(TicketSpec spec, DateTimeOffset createdAt, string tier, DateTimeOffset queuedAt, string? agentId, bool responded, DateTimeOffset now)
    {
        spec.Validate();
        if (_tickets.ContainsKey(spec.TicketId))
        {
            return false;
        }

        var tierIndex = _settings.TierIndex(tier);
        if (tierIndex < 0)
        {
            throw SupportQueueException.Invalid("tier", tier, "no such tier on this desk");
        }

        var agent = agentId is null ? null : GetAgent(agentId);
        var ticket = NewDeskTicket(spec.TicketId, TicketProfile.FromValidSpec(spec), createdAt, responded);
        ticket.Key = QueueKey.For(ticket.Priority, createdAt, _settings.AgingStep, ++_sequence);
        Open(ticket);
        Submitted++;
        if (agent is null)
        {
            Enqueue(ticket, tierIndex, queuedAt);
            return true;
        }

        ticket.Tier = tierIndex;
        ticket.QueuedAt = queuedAt;
        ticket.State = DeskTicketState.Assigned;
        ticket.Agent = agent;
        ticket.AssignedAt = now;
        _freeCapacity[agent.Tier] -= agent.FreeCapacity;
        agent.Load++;
        _freeCapacity[agent.Tier] += agent.FreeCapacity;
        TrackFree(agent);
        return true;
    }

    /// <summary>
    /// The holding agent finished the ticket. The same agent resolving a ticket this desk closed for
    /// it a moment ago changes nothing and does not throw: the first attempt reached the desk but the
    /// ticket's own record was never stored (its silo died in between), and the retry must be able to
    /// finish the ticket instead of being refused until a restart reconciles it.
    /// </summary>
    public void Resolve(string ticketId, string agentId, DateTimeOffset now)
    {
        if (!_tickets.ContainsKey(ticketId) && _recentlyResolved.TryGetValue(ticketId, out var by) && by == agentId)
        {
            return;
        }

        Resolve(GetHeld(ticketId, agentId, now), now);
        RememberResolved(ticketId, agentId);
    }

    // Resolutions by id the desk still recognises as retries: the last RecentResolutions of them.
    private const int RecentResolutions = 16_384;
    private readonly Dictionary<string, string> _recentlyResolved = new(StringComparer.Ordinal);
    private readonly Queue<string> _resolvedOrder = new();

    private void RememberResolved(string ticketId, string agentId)
    {
        if (_recentlyResolved.TryAdd(ticketId, agentId))
        {
            _resolvedOrder.Enqueue(ticketId);
        }
        else
        {
            _recentlyResolved[ticketId] = agentId;
        }

        if (_resolvedOrder.Count > RecentResolutions)
        {
            _recentlyResolved.Remove(_resolvedOrder.Dequeue());
        }
    }

    /// <summary><see cref="Resolve(string, string, DateTimeOffset)"/> by handles.</summary>
    public void Resolve(int ticket, int agent, DateTimeOffset now) => Resolve(Held(TicketAt(ticket), AgentAt(agent), now), now);

    private void Resolve(DeskTicket ticket, DateTimeOffset now)
    {
        var agent = ticket.Agent!;
        ObserveHandleTime(ticket, now);
        ReleaseCapacity(agent, now);
        Close(ticket);
        Resolved++;
        var target = _slaTargets[(int)ticket.Priority]?.Resolution;
        if (target is { } t)
        {
            ref var count = ref _sla[(int)ticket.Priority];
            if (now - ticket.CreatedAt <= t)
            {
                count.ResolutionMet++;
            }
            else
            {
                count.ResolutionBreached++;
            }
        }
    }

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
    public Placement Escalate(string ticketId, string agentId, string reason, DateTimeOffset now, string? toTier = null)
    {
        CheckReason(reason);
        if (_tickets.TryGetValue(ticketId, out var open) && open.Escalation is { } first && IsRepeat(first, agentId, toTier))
        {
            return first.Placement;
        }

        var ticket = GetHeld(ticketId, agentId, now);
        var tier = Escalate(ticket, reason, now, toTier, out var why);
        var placement = new Placement(ticketId, _settings.Tiers[tier].Name, why);

        // Escalate validated toTier, so a named one is a real tier (above the old one, so ≥ 1).
        ticket.Escalation = new AgentEscalation(toTier is null ? -1 : _settings.TierIndex(toTier), placement, new UnconfirmedEscalation(agentId, placement.Tier, now, why ?? reason));
        return placement;
    }

    private bool IsRepeat(AgentEscalation first, string agentId, string? toTier) =>
        string.Equals(first.Unconfirmed.AgentId, agentId, StringComparison.Ordinal)
        && (toTier is null ? first.RequestedTier < 0 : first.RequestedTier >= 0 && _settings.TierIndex(toTier) == first.RequestedTier);

    /// <summary>
    /// <see cref="Escalate(string, string, string, DateTimeOffset, string?)"/> by handles, to the
    /// policy's next tier; returns the index of the tier the ticket was queued at.
    /// </summary>
    public int Escalate(int ticket, int agent, string reason, DateTimeOffset now)
    {
        CheckReason(reason);
        return Escalate(Held(TicketAt(ticket), AgentAt(agent), now), reason, now, null, out _);
    }

    private static void CheckReason(string reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw SupportQueueException.Invalid("reason", reason, "an escalation needs a reason");
        }
    }

    private int Escalate(DeskTicket ticket, string reason, DateTimeOffset now, string? toTier, out string? why)
    {
        int target;
        if (toTier is not null)
        {
            target = _settings.TierIndex(toTier);
            if (target < 0)
            {
                throw SupportQueueException.Invalid("toTier", toTier, "no such tier");
            }

            if (target <= ticket.Tier)
            {
                throw SupportQueueException.Invalid("toTier", toTier, $"must be above {_settings.Tiers[ticket.Tier].Name}");
            }
        }
        else
        {
            target = _policy.EscalationTarget(View(ticket), ticket.Tier, this);
            if (target < 0)
            {
                throw new SupportQueueException(RefusalCode.NoHigherTier, $"ticket '{ticket.Name}': {_settings.Tiers[ticket.Tier].Name} is the highest tier");
            }

            CheckPolicyTier(target, ticket.Tier + 1, nameof(IEscalationPolicy.EscalationTarget));
        }

        var redirect = _policy.Redirect(View(ticket), target, this);
        CheckPolicyTier(redirect.Tier, target, nameof(IEscalationPolicy.Redirect));
        ObserveHandleTime(ticket, now);
        ReleaseCapacity(ticket.Agent!, now);
        ticket.Agent = null;
        Escalations++;
        Enqueue(ticket, redirect.Tier, now);
        why = Join(reason, redirect.Reason);
        return redirect.Tier;
    }

    /// <summary>The holding agent hands the ticket back unfinished; it waits again at its tier, at its old place.</summary>
    public void ReleaseAssigned(string ticketId, string agentId, DateTimeOffset now)
    {
        var ticket = GetHeld(ticketId, agentId, now);
        ReleaseCapacity(ticket.Agent!, now);
        ticket.Agent = null;
        _queues[ticket.Tier].Count++;
        ticket.State = DeskTicketState.Offered;
        Requeue(ticket, now);
    }

    /// <summary>The customer left while the ticket waited. Throws if an agent already holds it.</summary>
    public void Abandon(string ticketId, DateTimeOffset now) =>
        Abandon(_tickets.TryGetValue(ticketId, out var ticket) ? ticket : throw SupportQueueException.UnknownTicket(ticketId), now);

    /// <summary><see cref="Abandon(string, DateTimeOffset)"/> by handle.</summary>
    public void Abandon(int ticket, DateTimeOffset now) => Abandon(TicketAt(ticket), now);

    private void Abandon(DeskTicket ticket, DateTimeOffset now)
    {
        if (ticket.State == DeskTicketState.Assigned)
        {
            throw new SupportQueueException(RefusalCode.InvalidTransition, $"ticket '{ticket.Name}': assigned to '{ticket.Agent!.Id}', cannot be abandoned");
        }

        if (ticket.State == DeskTicketState.Queued)
        {
            _queues[ticket.Tier].Waiting--;
        }

        // An offered ticket's reservation stays until the agent side answers; accepting it then fails.
        _queues[ticket.Tier].Count--;
        Close(ticket);
        Abandoned++;
    }

    /// <summary>
    /// Takes back a waiting ticket whose submit failed after the desk queued it (its own record was
    /// never stored, so the caller was refused): counted as withdrawn, not abandoned. False when
    /// the desk does not have it; refused when an agent holds it (a held ticket was stored).
    /// </summary>
    public bool Withdraw(string ticketId)
    {
        if (!_tickets.TryGetValue(ticketId, out var ticket))
        {
            return false;
        }

        if (ticket.State == DeskTicketState.Assigned)
        {
            throw new SupportQueueException(RefusalCode.InvalidTransition, $"ticket '{ticket.Name}': assigned to '{ticket.Agent!.Id}', cannot be withdrawn");
        }

        if (ticket.State == DeskTicketState.Queued)
        {
            _queues[ticket.Tier].Waiting--;
        }

        // As for an abandoned ticket, an offer out stays reserved until the agent side answers.
        _queues[ticket.Tier].Count--;
        Close(ticket);
        Withdrawn++;
        return true;
    }

    /// <summary>Whether the ticket is open on this desk, and where.</summary>
    public bool TryGetTicket(string ticketId, out DeskTicketState state, out string tier, out string? agentId)
    {
        if (_tickets.TryGetValue(ticketId, out var t))
        {
            state = t.State;
            tier = _settings.Tiers[t.Tier].Name;
            agentId = t.Agent?.Id;
            return true;
        }

        state = default;
        tier = "";
        agentId = null;
        return false;
    }

    // ---------------------------------------------------------------- time

    /// <summary>When the desk next needs <see cref="AdvanceTo(DateTimeOffset)"/> to be called; null when nothing is pending.</summary>
    public DateTimeOffset? NextDeadline
    {
        get
        {
            var ticks = NextDeadlineTicks;
            return ticks == long.MaxValue ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
        }
    }

    /// <summary><see cref="NextDeadline"/> in UTC ticks; <see cref="long.MaxValue"/> when nothing is pending.</summary>
    public long NextDeadlineTicks
    {
        get
        {
            while (_deadlines.TryPeek(out var d, out var key))
            {
                if (IsLive(d))
                {
                    return key.Ticks;
                }

                _deadlines.Dequeue();
            }

            return long.MaxValue;
        }
    }

    /// <summary>Whether a deadline is due at <paramref name="now"/>; when not, <see cref="AdvanceTo(DateTimeOffset)"/> has nothing to do.</summary>
    public bool IsDue(DateTimeOffset now) => _deadlines.TryPeek(out _, out var key) && key.Ticks <= now.UtcTicks;

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
        while (_deadlines.TryPeek(out var d, out var key) && key.Ticks <= now.UtcTicks)
        {
            _deadlines.Dequeue();
            if (!IsLive(d))
            {
                continue;
            }

            var at = new DateTimeOffset(key.Ticks, TimeSpan.Zero);
            if (d.ReservationId != 0)
            {
                var r = _reservations[d.ReservationId];
                var tier = _settings.Tiers[r.Ticket.Tier].Name;
                DeclineOffer(d.ReservationId, at);
                _actions.Add(new DeskAction(DeskActionKind.OfferExpired, r.Ticket.Name, tier, tier, r.Agent.Id, "offer not answered in time", at));
                ticketHandles?.Add(r.Ticket.Handle);
                continue;
            }

            if (d.WakeOnly)
            {
                // The ticket just became borrowable: nothing changes here, but the host must look
                // for offers now rather than at whatever event happens to come next.
                continue;
            }

            var ticket = d.Ticket!;

            // The deadline was armed under the policy in force when the ticket was queued; after a
            // Reconfigure the limit may be gone or longer, so the current policy decides.
            var limit = _policy.WaitLimit(View(ticket), ticket.Tier, this);
            if (limit is not { } current)
            {
                continue;
            }

            if (ticket.QueuedAt + current > at)
            {
                _deadlines.Enqueue(new Deadline(ticket, ticket.Epoch, 0), ((ticket.QueuedAt + current).UtcTicks, ++_sequence));
                continue;
            }

            var target = _policy.EscalationTarget(View(ticket), ticket.Tier, this);
            if (target < 0)
            {
                continue;
            }

            var from = _settings.Tiers[ticket.Tier].Name;
            var redirect = _policy.Redirect(View(ticket), target, this);
            if (!IsPolicyTier(target, ticket.Tier + 1) || !IsPolicyTier(redirect.Tier, target))
            {
                // Keep the deadline so the ticket is not silently dropped from escalation; actions
                // already applied in this call stay applied (each is complete on its own).
                _deadlines.Enqueue(d, key);
                CheckPolicyTier(target, ticket.Tier + 1, nameof(IEscalationPolicy.EscalationTarget));
                CheckPolicyTier(redirect.Tier, target, nameof(IEscalationPolicy.Redirect));
            }

            _queues[ticket.Tier].Count--;
            _queues[ticket.Tier].Waiting--;
            Escalations++;
            Enqueue(ticket, redirect.Tier, at);
            var reason = Join($"waited more than {limit:c} at {from}", redirect.Reason)!;
            _actions.Add(new DeskAction(DeskActionKind.WaitEscalated, ticket.Name, from, _settings.Tiers[redirect.Tier].Name, null, reason, at));
            ticketHandles?.Add(ticket.Handle);
        }

        return _actions.Count == 0 ? [] : _actions.ToArray();
    }

    // ---------------------------------------------------------------- views

    public int QueueLength(int tier) => _queues[tier].Count;

    public TimeSpan ExpectedWait(int tier)
    {
        var staffed = 0;
        foreach (var a in _pools[tier])
        {
            if (a.Presence == Presence.Available)
            {
                staffed += a.Capacity;
            }
        }

        if (staffed == 0)
        {
            return TimeSpan.MaxValue;
        }

        // Offered tickets already hold their agent's capacity (free capacity excludes them), so only
        // tickets still waiting are ahead of a newcomer; counting both would charge an offer twice.
        var waiting = _queues[tier].Waiting + 1 - _freeCapacity[tier];
        return waiting <= 0 ? TimeSpan.Zero : TimeSpan.FromMinutes(waiting * _handleMinutes[tier] / staffed);
    }

    public bool TierHasSkills(int tier, IReadOnlyList<string> skills)
    {
        foreach (var a in _pools[tier])
        {
            var all = true;
            // Indexed: a foreach over the interface would allocate an enumerator per agent.
            for (var i = 0; i < skills.Count; i++)
            {
                if (!a.Skills.ContainsKey(skills[i]))
                {
                    all = false;
                    break;
                }
            }

            if (all)
            {
                return true;
            }
        }

        return false;
    }

    public DeskStatus Status(DateTimeOffset now)
    {
        // An agent's load also counts its pending offers, which Status reports as Offered at the
        // ticket's queue; counting them as Assigned too would show one ticket twice.
        var held = new int[_queues.Length];
        foreach (var ticket in OpenTicketList())
        {
            if (ticket.State == DeskTicketState.Assigned)
            {
                held[ticket.Agent!.Tier]++;
            }
        }

        var tiers = ImmutableArray.CreateBuilder<TierStatus>(_queues.Length);
        for (var t = 0; t < _queues.Length; t++)
        {
            int available = 0, onBreak = 0, offline = 0;
            foreach (var a in _pools[t])
            {
                switch (a.Presence)
                {
                    case Presence.Available: available++; break;
                    case Presence.Break: onBreak++; break;
                    default: offline++; break;
                }
            }

            var oldest = TimeSpan.Zero;
            var offered = 0;
            foreach (var ticket in OpenTicketList())
            {
                if (ticket.Tier != t)
                {
                    continue;
                }

                if (ticket.State == DeskTicketState.Offered)
                {
                    offered++;
                }

                if (ticket.State is DeskTicketState.Queued or DeskTicketState.Offered && now - ticket.QueuedAt > oldest)
                {
                    oldest = now - ticket.QueuedAt;
                }
            }

            tiers.Add(new TierStatus(_settings.Tiers[t].Name, _queues[t].Count - offered, offered, oldest, available, onBreak, offline, held[t], _freeCapacity[t]));
        }

        var sla = ImmutableArray.CreateBuilder<SlaCounters>();
        foreach (var p in Enum.GetValues<Priority>())
        {
            var target = _settings.SlaFor(p)?.FirstResponse;
            var past = 0;
            if (target is { } limit)
            {
                foreach (var ticket in OpenTicketList())
                {
                    if (ticket.Priority == p && !ticket.Responded && now - ticket.CreatedAt > limit)
                    {
                        past++;
                    }
                }
            }

            var c = _sla[(int)p];
            sla.Add(new SlaCounters(p, c.FirstResponseMet, c.FirstResponseBreached, c.ResolutionMet, c.ResolutionBreached, past));
        }

        return new DeskStatus(DeskId, now, tiers.MoveToImmutable(), sla.ToImmutable(), Submitted, Resolved, Abandoned, Escalations, _open, Reopened, Withdrawn);
    }

    /// <summary>
    /// Verifies the bookkeeping: queue counts, capacities, conservation. Throws
    /// <see cref="InvalidOperationException"/> describing the first violation. For tests and audits.
    /// </summary>
    public void CheckInvariants()
    {
        var counts = new int[_queues.Length];
        var waiting = new int[_queues.Length];
        var loads = new Dictionary<PoolAgent, int>();
        var indexed = 0;
        foreach (var t in OpenTicketList())
        {
            if (t.Id is not null)
            {
                indexed++;
                if (!_tickets.TryGetValue(t.Id, out var byId) || !ReferenceEquals(byId, t))
                {
                    throw new InvalidOperationException($"ticket '{t.Id}' is open but not found by its id");
                }
            }

            if (t.Escalation is { } escalation && (t.State != DeskTicketState.Queued || !string.Equals(escalation.Placement.Tier, _settings.Tiers[t.Tier].Name, StringComparison.OrdinalIgnoreCase)))
            {
                throw new InvalidOperationException($"ticket '{t.Name}' is {t.State} at {_settings.Tiers[t.Tier].Name} but still answers a repeated escalation to {escalation.Placement.Tier}");
            }

            switch (t.State)
            {
                case DeskTicketState.Queued:
                    counts[t.Tier]++;
                    waiting[t.Tier]++;
                    break;
                case DeskTicketState.Offered:
                    counts[t.Tier]++;
                    if (!_reservations.TryGetValue(t.ReservationId, out var pending) || !ReferenceEquals(pending.Ticket, t))
                    {
                        throw new InvalidOperationException($"ticket '{t.Name}' is offered but no pending offer holds it");
                    }

                    break;
                case DeskTicketState.Assigned:
                    loads[t.Agent!] = loads.GetValueOrDefault(t.Agent!) + 1;
                    break;
                default:
                    throw new InvalidOperationException($"closed ticket '{t.Name}' still open");
            }
        }

        foreach (var r in _reservations.Values)
        {
            loads[r.Agent] = loads.GetValueOrDefault(r.Agent) + 1;
        }

        for (var tier = 0; tier < _queues.Length; tier++)
        {
            if (counts[tier] != _queues[tier].Count || waiting[tier] != _queues[tier].Waiting)
            {
                throw new InvalidOperationException($"tier {tier}: counted {counts[tier]}/{waiting[tier]} but queue says {_queues[tier].Count}/{_queues[tier].Waiting}");
            }

            var free = 0;
            foreach (var a in _pools[tier])
            {
                var load = loads.GetValueOrDefault(a);
                if (load != a.Load)
                {
                    throw new InvalidOperationException($"agent '{a.Id}': load {a.Load} but holds {load}");
                }

                if (a.Load > a.Capacity)
                {
                    throw new InvalidOperationException($"agent '{a.Id}': load {a.Load} exceeds capacity {a.Capacity}");
                }

                free += a.FreeCapacity;
            }

            foreach (var a in _pools[tier])
            {
                var listed = a.FreeSlot >= 0 && a.FreeSlot < _free[tier].Count && ReferenceEquals(_free[tier][a.FreeSlot], a);
                if (listed != (a.FreeCapacity > 0))
                {
                    throw new InvalidOperationException($"agent '{a.Id}': free capacity {a.FreeCapacity} but {(listed ? "" : "not ")}on the free list");
                }
            }

            if (_free[tier].Count != _pools[tier].Count(a => a.FreeCapacity > 0))
            {
                throw new InvalidOperationException($"tier {tier}: free list has {_free[tier].Count} agents");
            }

            if (free != _freeCapacity[tier])
            {
                throw new InvalidOperationException($"tier {tier}: free capacity {_freeCapacity[tier]} but agents have {free}");
            }
        }

        if (indexed != _tickets.Count)
        {
            throw new InvalidOperationException($"{_tickets.Count} tickets by id, but {indexed} open tickets have an id");
        }

        if (Submitted + Reopened != _open + Resolved + Abandoned + Withdrawn)
        {
            throw new InvalidOperationException($"conservation: submitted {Submitted} + reopened {Reopened} ≠ open {_open} + resolved {Resolved} + abandoned {Abandoned} + withdrawn {Withdrawn}");
        }
    }

    // ---------------------------------------------------------------- internals

    private bool FindInQueue(int queueTier, int poolTier, TimeSpan? minWait, DateTimeOffset now, [NotNullWhen(true)] out DeskTicket? ticket, [NotNullWhen(true)] out PoolAgent? agent)
    {
        var queue = _queues[queueTier];
        if (!queue.HasSeveralGroups)
        {
            // One skill group (the common case): its head is the only candidate, no list to fill and sort.
            ticket = queue.OnlyHead();
            if (ticket is not null && TryServe(ticket, poolTier, minWait, now, out agent))
            {
                return true;
            }
        }
        else
        {
            queue.Heads(_scratch);
            foreach (var head in CollectionsMarshal.AsSpan(_scratch))
            {
                if (TryServe(head, poolTier, minWait, now, out agent))
                {
                    ticket = head;
                    return true;
                }
            }
        }

        ticket = null;
        agent = null;
        return false;
    }

    /// <summary>The agent of <paramref name="poolTier"/> that <paramref name="head"/> would go to now, if it has waited long enough.</summary>
    private bool TryServe(DeskTicket head, int poolTier, TimeSpan? minWait, DateTimeOffset now, [NotNullWhen(true)] out PoolAgent? agent)
    {
        if (minWait is { } wait && now - head.QueuedAt < wait)
        {
            agent = null;
            return false;
        }

        agent = AgentSelector.Select(_settings.Selection, _pools[poolTier], _free[poolTier], head.Skills, ref _roundRobin[poolTier]);
        return agent is not null;
    }

    /// <summary>Takes a matched ticket off its heap and counts it against the agent; it still counts as queued until settled.</summary>
    private void TakeFromQueue(DeskTicket ticket, PoolAgent agent)
    {
        var queue = _queues[ticket.Tier];
        queue.PopHead(ticket);
        queue.Waiting--;
        ticket.Escalation = null;
        _freeCapacity[agent.Tier] -= agent.FreeCapacity;
        agent.Load++;
        _freeCapacity[agent.Tier] += agent.FreeCapacity;
        TrackFree(agent);
    }

    private bool IsPolicyTier(int tier, int atLeast) => tier >= atLeast && tier < _queues.Length;

    /// <summary>A plugged-in policy is outside the engine's control: check its answer before acting on it.</summary>
    private void CheckPolicyTier(int tier, int atLeast, string decision)
    {
        if (!IsPolicyTier(tier, atLeast))
        {
            throw new InvalidOperationException($"escalation policy {_policy.GetType().Name}: {decision} chose tier {tier}, expected {atLeast} to {_queues.Length - 1}");
        }
    }

    private void Enqueue(DeskTicket ticket, int tier, DateTimeOffset now)
    {
        ticket.Tier = tier;
        ticket.State = DeskTicketState.Queued;
        ticket.QueuedAt = now;
        ticket.Epoch++;

        // A new queue entry (a later escalation) ends what an earlier escalation's repeat may claim.
        ticket.Escalation = null;
        _queues[tier].Count++;
        _queues[tier].Waiting++;
        _queues[tier].Push(ticket);
        ArmDeadlines(ticket, now);
    }

    /// <summary>Back to the queue after an offer or assignment fell through: same tier, same key, same wait clock.</summary>
    private void Requeue(DeskTicket ticket, DateTimeOffset now)
    {
        ticket.State = DeskTicketState.Queued;
        _queues[ticket.Tier].Waiting++;
        _queues[ticket.Tier].Push(ticket);

        // The wait-limit deadline was skipped while the ticket was out on offer; arm it again.
        ArmDeadlines(ticket, now, ticket.QueuedAt);
    }

    private void ArmDeadlines(DeskTicket ticket, DateTimeOffset now, DateTimeOffset? since = null)
    {
        if (!_armsDeadlines)
        {
            return;
        }

        if (_policy.WaitLimit(View(ticket), ticket.Tier, this) is { } limit)
        {
            var due = (since ?? now) + limit;
            if (due < now)
            {
                due = now;
            }

            _deadlines.Enqueue(new Deadline(ticket, ticket.Epoch, 0), (due.UtcTicks, ++_sequence));
        }

        // Borrowing depends on time alone (a ticket becomes eligible once it has waited MinWait), so
        // that moment is a deadline too; otherwise a live desk would borrow only at its next event.
        var borrowing = _settings.Borrowing;
        if (borrowing.Enabled && borrowing.MinWait > TimeSpan.Zero && ticket.Tier < _queues.Length - 1)
        {
            var eligible = (since ?? now) + borrowing.MinWait;
            if (eligible > now)
            {
                _deadlines.Enqueue(new Deadline(ticket, ticket.Epoch, 0, WakeOnly: true), (eligible.UtcTicks, ++_sequence));
            }
        }
    }

    private bool IsLive(Deadline d) => d.ReservationId != 0
        ? _reservations.ContainsKey(d.ReservationId)
        : d.Ticket!.State == DeskTicketState.Queued && d.Ticket.Epoch == d.Epoch;

    /// <summary>
    /// An offer ended without the agent taking the ticket. An offer never moved FreeSince, so it
    /// stays as it is: restoring the value from offer time would undo a return to Available or a
    /// finished ticket that happened while the offer was out.
    /// </summary>
    private DeskTicket NewDeskTicket(string? ticketId, TicketProfile profile, DateTimeOffset createdAt, bool responded)
    {
        if (!_spareTickets.TryPop(out var ticket))
        {
            ticket = new DeskTicket();
        }

        ticket.Start(ticketId, profile.Priority, profile.SkillArray, SkillGroup(profile), profile.EntryTier, createdAt, responded);
        return ticket;
    }

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
        }

        profile.Group = new SkillGroupCache(this, group);
        return group;
    }

    /// <summary>Gives an admitted ticket its handle (the most recently freed slot first) and its id entry.</summary>
    private void Open(DeskTicket ticket)
    {
        if (ticket.Id is not null)
        {
            _tickets.Add(ticket.Id, ticket);
        }

        int slot;
        if (_freeCount > 0)
        {
            slot = _freeSlots[--_freeCount];
        }
        else
        {
            if (_slotCount == _slots.Length)
            {
                Array.Resize(ref _slots, _slots.Length * 2);
            }

            slot = _slotCount++;
        }

        _slots[slot] = ticket;
        ticket.Handle = slot;
        _open++;
    }

    /// <summary>Every open ticket, in slot order.</summary>
    private IEnumerable<DeskTicket> OpenTicketList()
    {
        for (var i = 0; i < _slotCount; i++)
        {
            if (_slots[i] is { } ticket)
            {
                yield return ticket;
            }
        }
    }

    // The lookups by handle are on every in-process operation: the throws are out of line so they inline.
    private DeskTicket TicketAt(int handle) =>
        (uint)handle < (uint)_slotCount && _slots[handle] is { } ticket ? ticket : UnknownTicket(handle);

    private PoolAgent AgentAt(int handle) =>
        (uint)handle < (uint)_agentList.Count ? _agentList[handle] : UnknownAgent(handle);

    [DoesNotReturn]
    private static DeskTicket UnknownTicket(int handle) => throw SupportQueueException.UnknownTicket($"#{handle}");

    [DoesNotReturn]
    private static PoolAgent UnknownAgent(int handle) => throw SupportQueueException.UnknownAgent($"#{handle}");

    private void TrackFree(PoolAgent agent)
    {
        if (agent.FreeCapacity > 0)
        {
            if (agent.FreeSlot < 0)
            {
                agent.FreeSlot = _free[agent.Tier].Count;
                _free[agent.Tier].Add(agent);
            }
        }
        else
        {
            Untrack(agent);
        }
    }

    private void Untrack(PoolAgent agent)
    {
        if (agent.FreeSlot < 0)
        {
            return;
        }

        var list = _free[agent.Tier];
        var last = list[^1];
        list[agent.FreeSlot] = last;
        last.FreeSlot = agent.FreeSlot;
        list.RemoveAt(list.Count - 1);
        agent.FreeSlot = -1;
    }

    private void FreeAgent(PoolAgent agent)
    {
        _freeCapacity[agent.Tier] -= agent.FreeCapacity;
        agent.Load--;
        _freeCapacity[agent.Tier] += agent.FreeCapacity;
        TrackFree(agent);
    }

    private void ReleaseCapacity(PoolAgent agent, DateTimeOffset now)
    {
        _freeCapacity[agent.Tier] -= agent.FreeCapacity;
        agent.Saturated = false;
        agent.Load--;
        agent.FreeSince = now;
        _freeCapacity[agent.Tier] += agent.FreeCapacity;
        TrackFree(agent);
    }

    private void ObserveHandleTime(DeskTicket ticket, DateTimeOffset now)
    {
        var minutes = (now - ticket.AssignedAt).TotalMinutes;
        _handleMinutes[ticket.Tier] += HandleTimeSmoothing * (minutes - _handleMinutes[ticket.Tier]);
    }

    private void Close(DeskTicket ticket)
    {
        var offered = ticket.State == DeskTicketState.Offered;
        ticket.State = DeskTicketState.Closed;
        ticket.Agent = null;
        if (ticket.Id is not null)
        {
            _tickets.Remove(ticket.Id);
        }

        var slot = ticket.Handle;
        _slots[slot] = null;
        if (_freeCount == _freeSlots.Length)
        {
            Array.Resize(ref _freeSlots, _freeSlots.Length * 2);
        }

        _freeSlots[_freeCount++] = slot;
        ticket.Handle = -1;
        _open--;
        if (!offered)
        {
            _spareTickets.Push(ticket);
        }
    }

    private DeskTicket GetHeld(string ticketId, string agentId, DateTimeOffset now)
    {
        if (!_tickets.TryGetValue(ticketId, out var ticket))
        {
            throw SupportQueueException.UnknownTicket(ticketId);
        }

        if (!_agents.TryGetValue(agentId, out var agent))
        {
            throw SupportQueueException.UnknownAgent(agentId);
        }

        return Held(ticket, agent, now);
    }

    /// <summary>The ticket, once checked that <paramref name="agent"/> holds it.</summary>
    private DeskTicket Held(DeskTicket ticket, PoolAgent agent, DateTimeOffset now)
    {
        if (ticket.State == DeskTicketState.Offered && _reservations.TryGetValue(ticket.ReservationId, out var offered) && offered.Agent == agent)
        {
            // The agent is already working on it: its acceptance is still on its way to the desk.
            _reservations.Remove(ticket.ReservationId);
            Settle(offered.Ticket, offered.Agent, now);
            _settledByAgent.Add(ticket.ReservationId);
        }

        if (ticket.State != DeskTicketState.Assigned || ticket.Agent != agent)
        {
            throw new SupportQueueException(RefusalCode.NotYourTicket, $"agentId: '{agent.Id}' — ticket '{ticket.Name}' is {(ticket.Agent is null ? ticket.State.ToString().ToLowerInvariant() : $"held by '{ticket.Agent.Id}'")}");
        }

        return ticket;
    }

    private PoolAgent GetAgent(string agentId) =>
        _agents.TryGetValue(agentId, out var agent) ? agent : throw SupportQueueException.UnknownAgent(agentId);

    private static TicketView View(DeskTicket t) => new(t.Id ?? "", t.Priority, t.Skills, t.RequestedEntryTier);

    private static string? Join(string? a, string? b) => a is null ? b : b is null ? a : $"{a}; {b}";

    private sealed record Reservation(DeskTicket Ticket, PoolAgent Agent);

    private readonly record struct Deadline(DeskTicket? Ticket, int Epoch, long ReservationId, bool WakeOnly = false);

    private struct SlaCount
    {
        public long FirstResponseMet;
        public long FirstResponseBreached;
        public long ResolutionMet;
        public long ResolutionBreached;
    }
}
