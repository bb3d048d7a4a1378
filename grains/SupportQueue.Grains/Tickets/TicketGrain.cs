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
    [PersistentState("ticket", Hosting.StorageName)] IPersistentState<Ticket> state,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock,
    IOptions<SupportQueueGrainOptions> options,
    ILogger<TicketGrain> logger) : Grain, ITicketGrain, IRemindable
{
    private const string ReconcileReminder = "reconcile";

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
            throw new SupportQueueException(RefusalCode.DuplicateTicket, $"ticketId: '{spec.TicketId}' — already submitted (status {state.State.Status})");
        }

        var desk = _desk = GrainFactory.Desk(spec.DeskId);
        var now = clock.GetUtcNow();
        // One call to the desk per submit: the placement carries the SLA that applies.
        var placement = await desk.Submit(spec, now);
        var ticket = Ticket.Create(spec, placement.Sla, now);
        ticket.MarkQueued(placement.Tier, clock.GetUtcNow(), placement.Reason);

        // The reminder goes first: a stored ticket without one could be forgotten by a restarted
        // desk, while a reminder without a stored ticket just removes itself.
        await KeepReconcilingAsync();
        state.State = ticket;
        await state.WriteOrReloadAsync(this);
        LogSubmitted(ticket.Id, ticket.DeskId, placement.Tier);
        SupportQueueMetrics.RecordSubmitted(ticket);
        return ticket;
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
    }

    public async Task Abandon(string reason)
    {
        var ticket = Current;
        ticket.RequireWaiting();

        await Desk.Abandon(ticket.Id);
        ticket.Abandon(clock.GetUtcNow(), string.IsNullOrWhiteSpace(reason) ? "customer left the queue" : reason);
        await state.WriteOrReloadAsync(this);
        SupportQueueMetrics.RecordAbandoned(ticket);
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
        await KeepReconcilingAsync();
        await state.WriteOrReloadAsync(this);
        return ticket;
    }

    /// <summary>The durable reminder of an open ticket: make sure its desk still has it (after a restart it may not).</summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (!state.State.Exists || state.State.Status is not (TicketStatus.Queued or TicketStatus.Assigned))
        {
            await StopReconcilingAsync();
            return;
        }

        var ticket = state.State;

        // The same durable tick carries the SLA clock: a target that passed (even while the
        // cluster was down) is recorded at the moment it passed.
        if (ticket.RecordSlaBreaches(clock.GetUtcNow()))
        {
            await state.WriteOrReloadAsync(this);
        }

        var open = new OpenTicket(ticket.ToSpec(), ticket.CreatedAt, ticket.Tier!, ticket.LastQueuedAt(), ticket.AgentId, ticket.FirstAssignedAt is not null);
        await Desk.Reconcile(open);
    }

    private async Task KeepReconcilingAsync()
    {
        if (options.Value.DurableTickets)
        {
            var period = options.Value.ReconcilePeriod;
            _reminder = await this.RegisterOrUpdateReminder(ReconcileReminder, period, period);
        }
    }

    private async Task StopReconcilingAsync()
    {
        if (!options.Value.DurableTickets)
        {
            return;
        }

        // The handle from registering saves a read; a later activation has to look it up.
        if ((_reminder ?? await this.GetReminder(ReconcileReminder)) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        _reminder = null;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ticket {TicketId} submitted to desk {DeskId}, queued at {Tier}")]
    private partial void LogSubmitted(string ticketId, string deskId, string tier);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ticket {TicketId}: ignoring desk escalation from {FromTier}; ticket is {Status} at {Tier}")]
    private partial void LogStaleEscalation(string ticketId, TicketStatus status, string? tier, string fromTier);
}
