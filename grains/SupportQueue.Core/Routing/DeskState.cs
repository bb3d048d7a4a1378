using System.Runtime.CompilerServices;
using SupportQueue.Core.Escalation;
using SupportQueue.Core.Model;

namespace SupportQueue.Core.Routing;

/// <summary>
/// What one desk holds — settings, policy, queues, agents, tickets, offers, deadlines, counts — and
/// the transitions every operation is made of: a ticket joins a queue, goes back to it, is matched
/// and settled with an agent, is checked to be held. Operations check everything first, then
/// apply these, so one that throws has changed nothing.
/// </summary>
internal sealed class DeskState
{
    private long _sequence;

    public DeskState(string deskId, DeskSettings settings, IEscalationPolicy? policy, DeskSchedulerOptions options, IDeskView view)
    {
        DeskId = deskId;
        Options = options;
        View = view;
        Settings = settings;
        Policy = new CheckedPolicy(settings, policy);
        Queues = NewQueues(settings.TierCount);
        Pool = new AgentPool(settings);
        Matcher = new TicketMatcher(Pool);
        Offers = new OfferBook(this);
        Deadlines = new DeadlineQueue(Offers);
        Sla = new SlaTally(settings);
    }

    public string DeskId { get; }

    public DeskSchedulerOptions Options { get; }

    /// <summary>The desk as a policy sees it.</summary>
    public IDeskView View { get; }

    public TicketTable Tickets { get; } = new();

    public AgentPool Pool { get; }

    public TicketMatcher Matcher { get; }

    public OfferBook Offers { get; }

    public DeadlineQueue Deadlines { get; }

    public SlaTally Sla { get; }

    public DeskSettings Settings { get; private set; }

    public CheckedPolicy Policy { get; private set; }

    public TierQueue[] Queues { get; private set; }

    public long Submitted { get; set; }

    public long Resolved { get; set; }

    public long Reopened { get; set; }

    public long Abandoned { get; set; }

    public long Escalations { get; set; }

    public long Withdrawn { get; set; }

    /// <summary>See <see cref="DeskScheduler.Counts"/>.</summary>
    public DeskCounts Counts() => new(Submitted, Resolved, Reopened, Abandoned, Escalations, Withdrawn,
        [.. Enum.GetValues<Priority>().Select(p => Sla.Snapshot(p, 0))]);

    /// <summary>See <see cref="DeskScheduler.RestoreCounts"/>.</summary>
    public void RestoreCounts(DeskCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        Submitted = Math.Max(counts.Submitted, Submitted);
        (Resolved, Reopened, Abandoned, Escalations, Withdrawn) = (counts.Resolved, counts.Reopened, counts.Abandoned, counts.Escalations, counts.Withdrawn);
        foreach (var counted in counts.Sla.Where(c => Enum.IsDefined(c.Priority)))
        {
            Sla.Restore(counted);
        }

        // A checkpoint taken before a crash lags the tickets: those closed since it are no longer
        // open and not yet counted (it cannot tell how they closed; they count as resolved), those
        // submitted since it came back with the rebuilt queue. Either way every ticket is counted once.
        var uncounted = Submitted + Reopened - (Tickets.Open + Resolved + Abandoned + Withdrawn);
        if (uncounted > 0)
        {
            Resolved += uncounted;
        }
        else
        {
            Submitted -= uncounted;
        }
    }

    /// <summary>One counter for queue keys, offers and deadlines, so every tie breaks in the order things happened.</summary>
    public long NextSequence() => ++_sequence;

    /// <summary>See <see cref="DeskScheduler.Reconfigure"/>.</summary>
    public void Reconfigure(DeskSettings settings, IEscalationPolicy? policy, DateTimeOffset? now)
    {
        settings.EnsureValid();
        var sameTiers = settings.Tiers.Select(t => t.Name).SequenceEqual(Settings.Tiers.Select(t => t.Name), StringComparer.OrdinalIgnoreCase);
        if (!sameTiers && (Pool.Count > 0 || Tickets.Open > 0))
        {
            throw SupportQueueException.Invalid("tiers", string.Join(",", settings.Tiers.Select(t => t.Name)), "tiers cannot change while the desk has agents or open tickets");
        }

        var checkedPolicy = new CheckedPolicy(settings, policy);
        if (!sameTiers)
        {
            Queues = NewQueues(settings.TierCount);
            Pool.ResetTiers(settings);
        }

        var agingChanged = settings.AgingStep != Settings.AgingStep;

        // A plugged-in policy may answer differently whatever the settings say: only the rules'
        // own wait limits are known to be unchanged.
        var deadlinesChanged = policy is not null || !Policy.FromSettings || !SameDeadlines(Settings, settings);
        Settings = settings;
        Sla.Retarget(settings);
        Policy = checkedPolicy;
        if (agingChanged && Tickets.Open > 0)
        {
            RekeyQueues();
        }

        if (deadlinesChanged && Policy.ArmsDeadlines && Tickets.Open > 0)
        {
            foreach (var ticket in Tickets.All())
            {
                if (ticket.State == DeskTicketState.Queued)
                {
                    ArmDeadlines(ticket, now ?? ticket.QueuedAt, ticket.QueuedAt);
                }
            }
        }
    }

    /// <summary>Joins <paramref name="tier"/>'s queue as a new entry: its wait counts from <paramref name="now"/>.</summary>
    public void Enqueue(DeskTicket ticket, int tier, DateTimeOffset now)
    {
        ticket.Tier = tier;
        ticket.State = DeskTicketState.Queued;
        ticket.QueuedAt = now;
        ticket.Epoch++;

        // A new queue entry (a later escalation) ends what an earlier escalation's repeat may claim.
        ticket.Escalation = null;
        var queue = Queues[tier];
        queue.Count++;
        queue.Waiting++;
        queue.Push(ticket);
        if (Policy.ArmsDeadlines)
        {
            ArmDeadlines(ticket, now, now);
        }
    }

    /// <summary>
    /// Queues an escalated ticket at <paramref name="tier"/>. In <see cref="QueueOrder.TierArrival"/>
    /// order it takes a new key from now, behind everyone already waiting there; in
    /// <see cref="QueueOrder.TicketAge"/> order it keeps the key it got when created.
    /// </summary>
    public void EnqueueEscalated(DeskTicket ticket, int tier, DateTimeOffset now)
    {
        if (Settings.QueueOrder == QueueOrder.TierArrival)
        {
            ticket.AgeBasis = now;
            ticket.Key = QueueKey.For(ticket.Priority, now, Settings.AgingStep, NextSequence());
        }

        Enqueue(ticket, tier, now);
    }

    /// <summary>Back to the queue after an offer or assignment fell through: same tier, same key, same wait clock.</summary>
    public void Requeue(DeskTicket ticket, DateTimeOffset now)
    {
        ticket.State = DeskTicketState.Queued;
        var queue = Queues[ticket.Tier];
        queue.Waiting++;
        queue.Push(ticket);

        // The wait-limit deadline was skipped while the ticket was out on offer; arm it again.
        if (Policy.ArmsDeadlines)
        {
            ArmDeadlines(ticket, now, ticket.QueuedAt);
        }
    }

    /// <summary>Takes a matched ticket off its heap and counts it against the agent; it still counts as queued until settled.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void TakeFromQueue(DeskTicket ticket, PoolAgent agent)
    {
        var queue = Queues[ticket.Tier];
        queue.PopHead(ticket);
        queue.Waiting--;
        ticket.Escalation = null;
        Pool.ChangeLoad(agent, +1);
    }

    /// <summary>The agent took the ticket, which leaves its queue now: the first response, if it is one, counts for the SLA.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Settle(DeskTicket ticket, PoolAgent agent, DateTimeOffset now)
    {
        if (ticket.State == DeskTicketState.Closed)
        {
            // Abandoned while the offer was out: the agent side must not keep it.
            Pool.ChangeLoad(agent, -1);
            return;
        }

        Queues[ticket.Tier].Count--;
        ticket.State = DeskTicketState.Assigned;
        ticket.Agent = agent;
        ticket.AssignedAt = now;
        if (!ticket.Responded)
        {
            ticket.Responded = true;
            Sla.FirstResponse(ticket.Priority, ticket.CreatedAt, now);
            Options.Statistics?.Answered(Settings.Tiers[ticket.Tier].Name, ticket.Priority, now - ticket.CreatedAt, Settings.SlaFor(ticket.Priority)?.FirstResponse, now);
        }
    }

    public DeskTicket GetHeld(string ticketId, string agentId, DateTimeOffset now)
    {
        if (!Tickets.TryGet(ticketId, out var ticket))
        {
            throw SupportQueueException.UnknownTicket(ticketId);
        }

        if (!Pool.TryGet(agentId, out var agent))
        {
            throw SupportQueueException.UnknownAgent(agentId);
        }

        return Held(ticket, agent, now);
    }

    /// <summary>The ticket, once checked that <paramref name="agent"/> holds it.</summary>
    public DeskTicket Held(DeskTicket ticket, PoolAgent agent, DateTimeOffset now)
    {
        if (ticket.State == DeskTicketState.Offered && Offers.TryGet(ticket.ReservationId, out var offered) && offered.Agent == agent)
        {
            // The agent is already working on it: its acceptance is still on its way to the desk.
            Offers.SettleByAgent(ticket.ReservationId);
            Settle(offered.Ticket, offered.Agent, now);
        }

        if (ticket.State != DeskTicketState.Assigned || ticket.Agent != agent)
        {
            throw new SupportQueueException(RefusalCode.NotYourTicket, $"agentId: '{agent.Id}' — ticket '{ticket.Name}' is {(ticket.Agent is null ? ticket.State.ToString().ToLowerInvariant() : $"held by '{ticket.Agent.Id}'")}");
        }

        return ticket;
    }

    /// <summary>Only when the policy <see cref="CheckedPolicy.ArmsDeadlines"/>: callers test that first, so a desk without deadlines skips this call.</summary>
    private void ArmDeadlines(DeskTicket ticket, DateTimeOffset now, DateTimeOffset since)
    {
        if (Policy.WaitLimit(ticket, View) is { } limit)
        {
            var due = since + limit;
            Deadlines.AddWaitLimit(ticket, due < now ? now : due, NextSequence());
        }

        // Borrowing depends on time alone (a ticket becomes eligible once it has waited MinWait), so
        // that moment is a deadline too; otherwise a live desk would borrow only at its next event.
        var borrowing = Settings.Borrowing;
        if (borrowing.Enabled && borrowing.MinWait > TimeSpan.Zero && ticket.Tier < Queues.Length - 1)
        {
            var eligible = since + borrowing.MinWait;
            if (eligible > now)
            {
                Deadlines.AddWake(ticket, eligible, NextSequence());
            }
        }
    }

    private static TierQueue[] NewQueues(int tiers)
    {
        var queues = new TierQueue[tiers];
        for (var t = 0; t < tiers; t++)
        {
            queues[t] = new TierQueue(t);
        }

        return queues;
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
        for (var t = 0; t < Queues.Length; t++)
        {
            Queues[t] = new TierQueue(t) { Count = Queues[t].Count, Waiting = Queues[t].Waiting };
        }

        foreach (var ticket in Tickets.All())
        {
            ticket.Key = QueueKey.For(ticket.Priority, ticket.AgeBasis, Settings.AgingStep, ticket.Key.Sequence);
            if (ticket.State == DeskTicketState.Queued)
            {
                Queues[ticket.Tier].Push(ticket);
            }
        }
    }
}
