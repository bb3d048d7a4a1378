using SupportQueue.Core.Escalation;
using SupportQueue.Core.Model;

namespace SupportQueue.Core.Routing;

/// <summary>
/// A ticket's way through the desk apart from offers: admitted (new, reopened or restored after a
/// restart), resolved, escalated by its agent or by waiting too long, abandoned. Each operation
/// checks everything before it changes anything.
/// </summary>
internal sealed class TicketLifecycle(DeskState desk)
{
    private readonly RetryLedger _retries = new();

    // The desk's parts that never change, held here to save a hop on every ticket.
    private readonly TicketTable _table = desk.Tickets;
    private readonly AgentPool _pool = desk.Pool;
    private readonly SlaTally _sla = desk.Sla;

    /// <summary>Admits a ticket into the queue of the tier the policy chooses; see <see cref="DeskScheduler.Submit(TicketSpec, DateTimeOffset, DateTimeOffset?)"/>.</summary>
    public DeskTicket Admit(string? ticketId, TicketProfile profile, DateTimeOffset now, DateTimeOffset basis, bool reopened, out int tier, out string? reason)
    {
        var settings = desk.Settings;
        if (ticketId is not null && _table.Contains(ticketId))
        {
            throw new SupportQueueException(RefusalCode.DuplicateTicket, $"ticketId: '{ticketId}' — already open on desk '{desk.DeskId}'");
        }

        if (profile.EntryTier is { } requested && settings.TierIndex(requested) < 0)
        {
            throw SupportQueueException.Invalid("entryTier", requested, $"no such tier; the desk has {string.Join(", ", settings.Tiers.Select(t => t.Name))}");
        }

        if (_table.Open >= settings.MaxOpenTickets)
        {
            throw new SupportQueueException(RefusalCode.QueueFull, $"desk '{desk.DeskId}': {_table.Open} open tickets, the limit is {settings.MaxOpenTickets}");
        }

        var ticket = _table.Create(ticketId, profile, basis, reopened);
        tier = desk.Policy.Place(ticket, desk.View, out reason);

        // The sequence is taken only once nothing can fail, so a refused submit leaves no trace.
        ticket.Key = QueueKey.For(ticket.Priority, basis, settings.AgingStep, desk.NextSequence());
        _table.Add(ticket);
        if (reopened)
        {
            desk.Reopened++;
        }
        else
        {
            desk.Submitted++;
            desk.Options.Statistics?.Offered(settings.Tiers[tier].Name, ticket.Priority, now);
        }

        desk.Enqueue(ticket, tier, now);
        return ticket;
    }

    /// <summary>See <see cref="DeskScheduler.Restore"/>.</summary>
    public bool Restore(TicketSpec spec, DateTimeOffset createdAt, string tier, DateTimeOffset queuedAt, string? agentId, bool responded, DateTimeOffset now)
    {
        spec.Validate();
        if (_table.Contains(spec.TicketId))
        {
            return false;
        }

        var tierIndex = desk.Settings.TierIndex(tier);
        if (tierIndex < 0)
        {
            throw SupportQueueException.Invalid("tier", tier, "no such tier on this desk");
        }

        var agent = agentId is null ? null : _pool.Get(agentId);
        var ticket = _table.Create(spec.TicketId, TicketProfile.FromValidSpec(spec), createdAt, responded);
        // In tier-arrival order a restored ticket's place is when it joined the queue it is in.
        var basis = desk.Settings.QueueOrder == QueueOrder.TierArrival && agent is null ? queuedAt : createdAt;
        ticket.AgeBasis = basis;
        ticket.Key = QueueKey.For(ticket.Priority, basis, desk.Settings.AgingStep, desk.NextSequence());
        _table.Add(ticket);
        desk.Submitted++;
        if (agent is null)
        {
            desk.Enqueue(ticket, tierIndex, queuedAt);
            return true;
        }

        ticket.Tier = tierIndex;
        ticket.QueuedAt = queuedAt;
        ticket.State = DeskTicketState.Assigned;
        ticket.Agent = agent;
        ticket.AssignedAt = now;
        _pool.ChangeLoad(agent, +1);
        return true;
    }

    /// <summary>See <see cref="DeskScheduler.Resolve(string, string, DateTimeOffset)"/>.</summary>
    public void Resolve(string ticketId, string agentId, DateTimeOffset now)
    {
        if (!_table.Contains(ticketId) && _retries.IsResolveRetry(ticketId, agentId))
        {
            return;
        }

        Resolve(desk.GetHeld(ticketId, agentId, now), now);
        _retries.RememberResolved(ticketId, agentId);
    }

    public void Resolve(DeskTicket ticket, DateTimeOffset now)
    {
        ObserveHandleTime(ticket, now);
        _pool.FinishWork(ticket.Agent!, now);
        _table.Close(ticket);
        desk.Resolved++;
        _sla.Resolution(ticket.Priority, ticket.CreatedAt, now);
    }

    /// <summary>See <see cref="DeskScheduler.Escalate(string, string, string, DateTimeOffset, string?)"/>.</summary>
    public Placement Escalate(string ticketId, string agentId, string reason, DateTimeOffset now, string? toTier)
    {
        CheckReason(reason);
        var settings = desk.Settings;
        if (_table.TryGet(ticketId, out var open) && open.Escalation is { } first
            && RetryLedger.IsEscalationRepeat(first, agentId, toTier is null, toTier is null ? -1 : settings.TierIndex(toTier)))
        {
            return first.Placement;
        }

        var ticket = desk.GetHeld(ticketId, agentId, now);
        var tier = Escalate(ticket, reason, now, toTier, out var why);
        var placement = new Placement(ticketId, settings.Tiers[tier].Name, why);

        // Escalate validated toTier, so a named one is a real tier (above the old one, so ≥ 1).
        ticket.Escalation = new AgentEscalation(toTier is null ? -1 : settings.TierIndex(toTier), placement, new UnconfirmedEscalation(agentId, placement.Tier, now, why ?? reason));
        return placement;
    }

    /// <summary>Escalates a held ticket to <paramref name="toTier"/>, or where the policy says; returns the tier it was queued at.</summary>
    public int Escalate(DeskTicket ticket, string reason, DateTimeOffset now, string? toTier, out string? why)
    {
        var settings = desk.Settings;
        var policy = desk.Policy;
        int target;
        if (toTier is not null)
        {
            target = settings.TierIndex(toTier);
            if (target < 0)
            {
                throw SupportQueueException.Invalid("toTier", toTier, "no such tier");
            }

            if (target <= ticket.Tier)
            {
                throw SupportQueueException.Invalid("toTier", toTier, $"must be above {settings.Tiers[ticket.Tier].Name}");
            }
        }
        else
        {
            target = policy.EscalationTarget(ticket, desk.View);
            if (target < 0)
            {
                throw new SupportQueueException(RefusalCode.NoHigherTier, $"ticket '{ticket.Name}': {settings.Tiers[ticket.Tier].Name} is the highest tier");
            }

            policy.Check(target, ticket.Tier + 1, nameof(IEscalationPolicy.EscalationTarget));
        }

        var redirect = policy.Redirect(ticket, target, desk.View);
        policy.Check(redirect.Tier, target, nameof(IEscalationPolicy.Redirect));
        ObserveHandleTime(ticket, now);
        _pool.FinishWork(ticket.Agent!, now);
        ticket.Agent = null;
        desk.Escalations++;
        desk.EnqueueEscalated(ticket, redirect.Tier, now);
        why = CheckedPolicy.Join(reason, redirect.Reason);
        return redirect.Tier;
    }

    public static void CheckReason(string reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw SupportQueueException.Invalid("reason", reason, "an escalation needs a reason");
        }
    }

    /// <summary>A ticket's wait-limit deadline came: escalates it if the policy in force still says so, and returns what it did.</summary>
    public DeskAction? EscalateOnWait(Deadline deadline, (long Ticks, long Sequence) key, DateTimeOffset at)
    {
        var ticket = deadline.Ticket!;
        var settings = desk.Settings;
        var policy = desk.Policy;

        // The deadline was armed under the policy in force when the ticket was queued; after a
        // Reconfigure the limit may be gone or longer, so the current policy decides.
        if (policy.WaitLimit(ticket, desk.View) is not { } limit)
        {
            return null;
        }

        if (ticket.QueuedAt + limit > at)
        {
            desk.Deadlines.AddWaitLimit(ticket, ticket.QueuedAt + limit, desk.NextSequence());
            return null;
        }

        var target = policy.EscalationTarget(ticket, desk.View);
        if (target < 0)
        {
            return null;
        }

        var from = settings.Tiers[ticket.Tier].Name;
        var redirect = policy.Redirect(ticket, target, desk.View);
        if (!policy.IsTier(target, ticket.Tier + 1) || !policy.IsTier(redirect.Tier, target))
        {
            // Keep the deadline so the ticket is not silently dropped from escalation; actions
            // already applied in this call stay applied (each is complete on its own).
            desk.Deadlines.Restore(deadline, key);
            policy.Check(target, ticket.Tier + 1, nameof(IEscalationPolicy.EscalationTarget));
            policy.Check(redirect.Tier, target, nameof(IEscalationPolicy.Redirect));
        }

        desk.Queues[ticket.Tier].Count--;
        desk.Queues[ticket.Tier].Waiting--;
        desk.Escalations++;
        desk.EnqueueEscalated(ticket, redirect.Tier, at);
        var reason = CheckedPolicy.Join($"waited more than {limit:c} at {from}", redirect.Reason)!;
        return new DeskAction(DeskActionKind.WaitEscalated, ticket.Name, from, settings.Tiers[redirect.Tier].Name, null, reason, at);
    }

    /// <summary>The customer left while the ticket waited. Throws if an agent already holds it.</summary>
    public void Abandon(DeskTicket ticket, DateTimeOffset now)
    {
        if (ticket.State == DeskTicketState.Assigned)
        {
            throw new SupportQueueException(RefusalCode.InvalidTransition, $"ticket '{ticket.Name}': assigned to '{ticket.Agent!.Id}', cannot be abandoned");
        }

        if (ticket.State == DeskTicketState.Queued)
        {
            desk.Queues[ticket.Tier].Waiting--;
        }

        // An offered ticket's reservation stays until the agent side answers; accepting it then fails.
        desk.Queues[ticket.Tier].Count--;
        if (!ticket.Responded)
        {
            desk.Options.Statistics?.Abandoned(desk.Settings.Tiers[ticket.Tier].Name, ticket.Priority, now);
        }

        _table.Close(ticket);
        desk.Abandoned++;
    }

    /// <summary>Takes back a waiting ticket whose submit failed after the desk queued it; see <see cref="DeskScheduler.Withdraw"/>.</summary>
    public void Withdraw(DeskTicket ticket)
    {
        if (ticket.State == DeskTicketState.Assigned)
        {
            throw new SupportQueueException(RefusalCode.InvalidTransition, $"ticket '{ticket.Name}': assigned to '{ticket.Agent!.Id}', cannot be withdrawn");
        }

        if (ticket.State == DeskTicketState.Queued)
        {
            desk.Queues[ticket.Tier].Waiting--;
        }

        // As for an abandoned ticket, an offer out stays reserved until the agent side answers.
        desk.Queues[ticket.Tier].Count--;
        _table.Close(ticket);
        desk.Withdrawn++;
    }

    /// <summary>The holding agent hands the ticket back unfinished; it waits again at its tier, at its old place.</summary>
    public void Release(string ticketId, string agentId, DateTimeOffset now)
    {
        var ticket = desk.GetHeld(ticketId, agentId, now);
        _pool.FinishWork(ticket.Agent!, now);
        ticket.Agent = null;
        desk.Queues[ticket.Tier].Count++;
        ticket.State = DeskTicketState.Offered;
        desk.Requeue(ticket, now);
    }

    private void ObserveHandleTime(DeskTicket ticket, DateTimeOffset now) =>
        _pool.ObserveHandleTime(ticket.Tier, (now - ticket.AssignedAt).TotalMinutes);
}
