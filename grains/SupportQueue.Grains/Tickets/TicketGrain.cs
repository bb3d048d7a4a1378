using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SupportQueue.Core.Model;
using SupportQueue.Core.Routing;

namespace SupportQueue.Grains;

/// <summary>
/// Hosts one <see cref="Ticket"/>: its lifecycle rules are the engine's; this grain persists it
/// and talks to the desk. Being the single place that records who holds the ticket, it is the
/// fence that keeps a ticket from being held twice.
/// </summary>
[GrainType("ticket")]
public sealed partial class TicketGrain(
    [PersistentState("ticket", SupportQueueStorage.Name)] IPersistentState<Ticket> state,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock,
    IOptions<SupportQueueGrainOptions> options,
    ILogger<TicketGrain> logger) : Grain, ITicketGrain, IRemindable
{
    // The reminder's name carries the desk: it is registered before the ticket is stored, and
    // must be able to find the desk of a ticket that never was; a re-activated desk finds its
    // waiting tickets by it.
    private const string ReconcilePrefix = DeskRebuild.ReconcilePrefix;

    private IGrainReminder? _reminder;

    private Ticket Current => state.State.Exists ? state.State : throw SupportQueueException.UnknownTicket(this.GetPrimaryKeyString());

    // Grain references are kept: each GrainReferences lookup still builds an id and a proxy.
    private IDeskSchedulerGrain? _desk;

    private IDeskSchedulerGrain Desk => _desk ??= GrainFactory.Desk(Current.DeskId);

    public async Task<Ticket> Submit(TicketSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        if (spec.TicketId != this.GetPrimaryKeyString())
        {
            throw SupportQueueException.Invalid("ticketId", spec.TicketId, $"does not match the grain key '{this.GetPrimaryKeyString()}'");
        }

        if (state.State.Exists)
        {
            return await ResubmittedAsync(spec);
        }

        // Acknowledged means stored, both ways: the reminder (named after the desk) goes first, so
        // a silo that dies after the desk queued the ticket but before it was stored still leaves
        // something that takes the unstored copy back out; a failure here takes it out at once.
        var desk = _desk = GrainFactory.Desk(spec.DeskId);
        await KeepReconcilingAsync(spec.DeskId);
        Placement placement;
        try
        {
            // One call to the desk per submit: the placement carries the SLA that applies.
            placement = await desk.Submit(spec, clock.GetUtcNow());
        }
        catch (SupportQueueException)
        {
            await ForgetReminderAsync();
            throw;
        }

        var now = clock.GetUtcNow();
        var ticket = Ticket.Create(spec, placement.Sla, now);
        ticket.MarkQueued(placement.Tier, now, placement.Reason);
        state.State = ticket;
        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            if (!await WasStoredAfterAllAsync())
            {
                await WithdrawAsync(desk, spec.TicketId);
                throw StateWrites.Wrapped(ex, this);
            }
        }

        LogSubmitted(ticket.Id, ticket.DeskId, placement.Tier);
        SupportQueueMetrics.RecordSubmitted(state.State);
        await this.RecordAsync(state.State, logger);
        ParkIfWaiting(placement.QueueLength);
        return state.State;
    }

    /// <summary>
    /// The same ticket submitted again: a retry whose first attempt was stored though its caller
    /// heard an error (the silo died before answering) gets the stored ticket, whatever has become
    /// of it since (answered, resolved, abandoned), and an open one's desk is made sure to have it;
    /// a different ticket under a used id is a duplicate.
    /// </summary>
    private async Task<Ticket> ResubmittedAsync(TicketSpec spec)
    {
        var ticket = state.State;
        if (!ticket.IsSameSubmission(spec))
        {
            throw ticket.DuplicateRefusal(spec);
        }

        if (ticket.Status is TicketStatus.Queued or TicketStatus.Assigned)
        {
            await KeepReconcilingAsync(ticket.DeskId);
            await Desk.Reconcile(Open(ticket));
        }

        return ticket;
    }

    // A write can fail after storage applied it; what storage holds is the truth. If even the read
    // fails, the outcome is unknown: the caller is refused, and should the ticket have been stored,
    // its reminder queues it again and a retry of the submit gets it.
    private async Task<bool> WasStoredAfterAllAsync()
    {
        try
        {
            await state.ReadStateAsync();
            if (state.RecordExists && state.State.Exists)
            {
                return true;
            }

            // A read that found nothing may leave the unstored ticket in place.
            state.State = new Ticket();
            return false;
        }
#pragma warning disable CA1031 // Whatever the read throws, the answer is the same: not known to be stored.
        catch (Exception)
#pragma warning restore CA1031
        {
            state.State = new Ticket();
            this.DeactivateOnIdle();
            return false;
        }
    }

    private async Task WithdrawAsync(IDeskSchedulerGrain desk, string ticketId)
    {
        try
        {
            await desk.Withdraw(ticketId);
        }
#pragma warning disable CA1031 // Best effort: an unstored copy left behind is dropped when offered (TicketGone) or by the reminder.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogWithdrawFailed(ex, ticketId);
        }
    }

    public Task<Ticket> Get() => Task.FromResult(Current);

    public async Task<OfferOutcome> Assign(string agentId, string tier, UnconfirmedEscalation? escalated = null)
    {
        if (!state.State.Exists)
        {
            // The desk queued it but the submit never stored it (its silo died in between, and the
            // caller was never told yes). Refusing with an error would have the desk offer it again
            // and again; gone is the truth, and the desk drops it.
            return OfferOutcome.TicketGone;
        }

        var queuedAt = state.State.LastQueuedAt();
        var first = state.State.FirstAssignedAt is null;
        var now = clock.GetUtcNow();
        var outcome = state.State.TakeOffer(agentId, tier, now, out var changed, escalated);
        if (changed)
        {
            await state.WriteOrReloadAsync(this);
            if (outcome == OfferOutcome.Accepted)
            {
                SupportQueueMetrics.RecordAssigned(state.State, now - queuedAt, first);
            }
        }

        return outcome;
    }

    public async Task Resolve(string agentId)
    {
        var ticket = Current;
        if (ticket.WasResolvedBy(agentId))
        {
            // A retry whose first attempt was stored but never answered (the silo died in between):
            // refusing it would leave the ticket in the agent's list for good, a slot lost.
            await StopReconcilingAsync();
            return;
        }

        ticket.RequireHolder(agentId);
        await Desk.Resolved(ticket.Id, agentId);
        ticket.Resolve(agentId, clock.GetUtcNow());
        await state.WriteOrReloadAsync(this);
        SupportQueueMetrics.RecordResolved(ticket);
        await this.RecordAsync(ticket, logger);
        await StopReconcilingAsync();
        this.DeactivateOnIdle();
    }

    public async Task<Placement> Escalate(string agentId, string reason, string? toTier)
    {
        var ticket = Current;
        if (ticket.WasLastEscalatedBy(agentId, out var queuedAt))
        {
            // A retry whose first attempt was stored but never answered: refusing it would leave
            // the ticket in the agent's list for good, a slot lost. It gets the same answer.
            return new Placement(ticket.Id, queuedAt, null);
        }

        ticket.RequireHolder(agentId);
        var placement = await Desk.Escalate(ticket.Id, agentId, reason, toTier);
        ticket.Escalate(agentId, placement.Tier, clock.GetUtcNow(), placement.Reason ?? reason);
        await state.WriteOrReloadAsync(this);
        SupportQueueMetrics.RecordEscalated(ticket, byDesk: false);
        return placement;
    }

    public async Task DeskEscalated(DeskAction action)
    {
        var ticket = Current;
        if (ticket.Status != TicketStatus.Queued || ticket.Tier != action.FromTier)
        {
            LogStaleEscalation(ticket.Id, ticket.Status, ticket.Tier, action.FromTier);
            return;
        }

        ticket.Escalate(null, action.ToTier, action.At, action.Reason);
        await state.WriteOrReloadAsync(this);
        SupportQueueMetrics.RecordEscalated(ticket, byDesk: true);

        // The desk escalates a ticket that waited its tier's whole timeout: it is in a long wait.
        ParkIfWaiting(int.MaxValue);
    }

    /// <summary>
    /// A stored ticket waiting behind <paramref name="queueLength"/> others leaves memory; its next
    /// call (the offer, a notification, a read) activates it again from storage. What the desk holds
    /// is only its queue entry, so nothing is lost, and one activation at a time still fences it.
    /// </summary>
    private void ParkIfWaiting(int queueLength)
    {
        var from = options.Value.ParkQueuedFrom;
        if (from > 0 && queueLength >= from && state.State.Status == TicketStatus.Queued)
        {
            this.DeactivateOnIdle();
        }
    }

    public async Task Abandon(string reason)
    {
        var ticket = Current;
        ticket.RequireWaiting();

        await Desk.Abandon(ticket.Id);
        ticket.Abandon(clock.GetUtcNow(), string.IsNullOrWhiteSpace(reason) ? "customer left the queue" : reason);
        await state.WriteOrReloadAsync(this);
        SupportQueueMetrics.RecordAbandoned(ticket);
        await this.RecordAsync(ticket, logger);
        await StopReconcilingAsync();
        this.DeactivateOnIdle();
    }

    public async Task<Ticket> Reopen(string reason)
    {
        var ticket = Current;
        ticket.RequireResolved();

        var now = clock.GetUtcNow();
        var placement = await Desk.Reopen(ticket.ToSpec());
        ticket.Reopen(now, string.IsNullOrWhiteSpace(reason) ? "reopened" : reason);
        ticket.MarkQueued(placement.Tier, now, placement.Reason);
        await KeepReconcilingAsync(ticket.DeskId);
        await state.WriteOrReloadAsync(this);
        return ticket;
    }

    /// <summary>
    /// The durable reminder of an open ticket: make sure its desk still has it (after a restart it
    /// may not). A reminder with no stored ticket is what a submit that died before storing left:
    /// the desk it names may still hold the unstored copy, which is taken back out.
    /// </summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (!state.State.Exists)
        {
            if (reminderName.StartsWith(ReconcilePrefix, StringComparison.Ordinal))
            {
                try
                {
                    await GrainFactory.Desk(reminderName[ReconcilePrefix.Length..]).Withdraw(this.GetPrimaryKeyString());
                }
                catch (SupportQueueException ex)
                {
                    // The desk is gone or the copy was assigned meanwhile (then it was stored elsewhere): nothing to take back.
                    LogWithdrawFailed(ex, this.GetPrimaryKeyString());
                }
            }

            await StopReconcilingAsync(reminderName);
            return;
        }

        if (state.State.Status is not (TicketStatus.Queued or TicketStatus.Assigned))
        {
            await StopReconcilingAsync(reminderName);
            return;
        }

        var ticket = state.State;

        // The same durable tick carries the SLA clock: a target that passed (even while the
        // cluster was down) is recorded at the moment it passed.
        if (ticket.RecordSlaBreaches(clock.GetUtcNow()))
        {
            await state.WriteOrReloadAsync(this);
        }

        await Desk.Reconcile(Open(ticket));

        // Each reminder tick would otherwise keep every waiting ticket of a long outage resident.
        ParkIfWaiting(int.MaxValue);
    }

    private static OpenTicket Open(Ticket ticket) =>
        new(ticket.ToSpec(), ticket.CreatedAt, ticket.Tier!, ticket.LastQueuedAt(), ticket.AgentId, ticket.FirstAssignedAt is not null);

    private async Task KeepReconcilingAsync(string deskId)
    {
        if (options.Value.DurableTickets)
        {
            var period = options.Value.ReconcilePeriod;
            try
            {
                _reminder = await this.RegisterOrUpdateReminder(ReconcilePrefix + deskId, period, period);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                throw StorageUnavailableException.From($"registering the reminder of ticket '{this.GetPrimaryKeyString()}'", ex);
            }
        }
    }

    // A submit the desk refused leaves no reminder behind (best effort: one left fires once and removes itself).
    private async Task ForgetReminderAsync()
    {
        try
        {
            await StopReconcilingAsync();
        }
#pragma warning disable CA1031 // Best effort, see above.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogWithdrawFailed(ex, this.GetPrimaryKeyString());
        }
    }

    private async Task StopReconcilingAsync(string? name = null)
    {
        if (!options.Value.DurableTickets)
        {
            return;
        }

        // The handle from registering saves a read; a later activation has to look it up. Tickets
        // stored before reminders named their desk have the plain name.
        name ??= state.State.Exists ? ReconcilePrefix + state.State.DeskId : null;
        if ((_reminder ?? (name is null ? null : await this.GetReminder(name))) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        _reminder = null;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ticket {TicketId} submitted to desk {DeskId}, queued at {Tier}")]
    private partial void LogSubmitted(string ticketId, string deskId, string tier);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ticket {TicketId}: could not clean up after a failed submit")]
    private partial void LogWithdrawFailed(Exception ex, string ticketId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ticket {TicketId}: ignoring desk escalation from {FromTier}; ticket is {Status} at {Tier}")]
    private partial void LogStaleEscalation(string ticketId, TicketStatus status, string? tier, string fromTier);
}
