using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using SupportQueue.Core.Cumulative;
using SupportQueue.Core.Model;
using SupportQueue.Core.Routing;
using SupportQueue.Core.Simulation;

namespace SupportQueue.Grains;

/// <summary>
/// Hosts a desk's <see cref="DeskScheduler"/>. Every decision is the engine's; this grain adds
/// identity, persistence of the settings, a timer for the engine's deadlines, and the delivery
/// of offers and notifications.
/// </summary>
/// <remarks>
/// Reentrant on purpose: offers are delivered by one background pump that awaits the agent
/// side, and a scheduler that held its turn across those calls would stall every submit behind
/// them (measured collapse near 14k tickets/s). The engine itself is only ever touched between
/// awaits, on the activation's single thread, so its state stays consistent. The pump is the
/// only sender, so notifications to one ticket arrive in the order the engine produced them.
/// </remarks>
[GrainType("deskscheduler")]
[Reentrant]
[CollectionAgeLimit(AlwaysActive = true)]
public sealed partial class DeskSchedulerGrain(
    [PersistentState("desk", SupportQueueStorage.Name)] IPersistentState<DeskState> state,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock,
    IOptions<SupportQueueGrainOptions> options,
    ILogger<DeskSchedulerGrain> logger) : Grain, IDeskSchedulerGrain, IDiagnosableDesk
{
    // Grain references are kept: each GrainReferences lookup still builds an id and a proxy.
    private readonly Dictionary<string, IAgentGrain> _agentGrains = new(StringComparer.Ordinal);
    private int _offersInFlight;

    // Completed by the next offer to settle while the pump waits for a free slot. Waiting on one
    // signal instead of Task.WhenAny over every offer in flight keeps settling O(1) per offer.
    private TaskCompletionSource? _offerSettled;

    // Offers are not timed out by the engine here: the pump awaits each one, and Orleans' call
    // timeout turns an agent that never answers into a decline.
    private static readonly DeskSchedulerOptions _liveOptions = new() { ExpireOffers = false };

    // Reentrancy lets a second RegisterAgent change the agents map while the storage provider is
    // still serializing it for the first write ("Collection was modified"); writes take turns.
    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly Queue<DeskAction> _notifications = new();
    private DeskScheduler? _engine;

    // Live desks only (simulations measure their own way); kept with the state, so it survives activations.
    private DeskStatistics? _statistics;
    private Task _pump = Task.CompletedTask;
    private bool _pumping;
    private List<JournalEntry>? _journal;
    private IGrainTimer? _timer;
    private DateTimeOffset? _timerDue;

    private string DeskId => this.GetPrimaryKeyString();

    private DeskScheduler Engine => _engine ?? throw Unknown();

    // Desks stay active (AlwaysActive) because their queues live in memory; a desk that was never
    // configured has none, and asking after random desk ids must not leave an activation each.
    private SupportQueueException Unknown()
    {
        this.DeactivateOnIdle();
        return SupportQueueException.UnknownDesk(DeskId);
    }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Live desks publish their status for the queue gauges; simulated desks (no deadline
        // timer, virtual time) do not.
        if (options.Value.DeadlineTimer)
        {
            this.RegisterGrainTimer(
                static (grain, _) => grain.PublishStatus(),
                this,
                new GrainTimerCreationOptions(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5)) { Interleave = true });
        }

        if (state.State.Settings is not { } settings)
        {
            return;
        }

        var now = clock.GetUtcNow();
        _engine = new DeskScheduler(DeskId, settings, options: LiveOptions());
        foreach (var spec in state.State.Agents.Values)
        {
            _engine.UpsertAgent(spec, Presence.Offline, now);
        }

        // A (re)activated desk has lost its queues. Agents and the tickets they hold come back
        // from the agents' own records now; waiting tickets come back as their reminders fire.
        foreach (var spec in state.State.Agents.Values)
        {
            await RebuildAgentAsync(spec, now);
        }
    }

    private async Task RebuildAgentAsync(AgentSpec spec, DateTimeOffset now)
    {
        Agent agent;
        try
        {
            agent = await GrainFactory.Agent(spec.AgentId).Get();
        }
        catch (SupportQueueException)
        {
            return;
        }

        foreach (var ticketId in agent.Assignments)
        {
            try
            {
                var ticket = await GrainFactory.Ticket(ticketId).Get();
                if (ticket.IsHeldBy(agent.Id))
                {
                    _engine!.Restore(ticket.ToSpec(), ticket.CreatedAt, ticket.Tier!, ticket.LastQueuedAt(), agent.Id, responded: true, now);
                }
            }
            catch (SupportQueueException ex)
            {
                LogRebuildSkipped(ex, DeskId, ticketId);
            }
        }

        _engine!.SetPresence(agent.Id, agent.Presence, now);
    }

    public async Task Configure(DeskSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        try
        {
            StoredId.Require("deskId", DeskId);
            settings.EnsureValid();
        }
        catch (SupportQueueException) when (_engine is null)
        {
            // Refused settings leave an unconfigured desk, which does not stay active.
            this.DeactivateOnIdle();
            throw;
        }

        // Deadlines already due belong to the settings they were armed under.
        var now = Advance();
        if (_engine is null)
        {
            _engine = new DeskScheduler(DeskId, settings, options: LiveOptions());
        }
        else
        {
            _engine.Reconfigure(settings, now: now);
        }

        await WriteAsync(() => state.State.Settings = settings);
        await GrainFactory.DeskRegistry().Add(DeskId);
        LogConfigured(DeskId, settings.TierCount);
        Kick();
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        SupportQueueMetrics.ForgetDesk(DeskId);
        await SaveStatisticsAsync();
    }

    private DeskSchedulerOptions LiveOptions() => options.Value.DeadlineTimer
        ? _liveOptions with { Statistics = _statistics ??= DeskStatistics.Restore(state.State.Statistics) }
        : _liveOptions;

    // The counts are stored with the status publication (every 5 s) rather than on every ticket:
    // a desk that dies loses at most those seconds of counting, and routing pays no write.
    private async Task SaveStatisticsAsync()
    {
        if (_statistics is { Changed: true } statistics)
        {
            await WriteAsync(() => state.State.Statistics = statistics.Save());
        }
    }

    private async Task PublishStatus()
    {
        if (_engine is not null)
        {
            SupportQueueMetrics.PublishDesk(_engine.Status(Advance()), clock);
            await SaveStatisticsAsync();
        }
    }

    public Task<DeskStatisticsReport> GetStatistics()
    {
        var engine = Engine;
        var settings = engine.Settings;
        var statistics = _statistics ?? new DeskStatistics();
        return Task.FromResult(statistics.Report(Advance(), [.. settings.Tiers.Select(t => t.Name)], settings.ServiceLevelTarget));
    }

    public Task<DeskSettings> GetSettings() => Task.FromResult(Engine.Settings);

    public Task<DeskStatus> GetStatus()
    {
        var now = Advance();
        return Task.FromResult(Engine.Status(now));
    }

    public Task<ImmutableArray<DeskAgent>> GetAgents() => Task.FromResult(Engine.Agents());

    public Task<WaitingPage> GetWaiting(string tier, int skip, int take)
    {
        Advance();
        return Task.FromResult(Engine.Waiting(tier, skip, take));
    }

    public async Task WhenIdle()
    {
        Advance();

        // Look for offers even when nothing was due: time alone can make one possible (a ticket
        // that has now waited long enough to be borrowed), and such a deadline yields no action.
        Kick();
        while (_pumping || _notifications.Count > 0)
        {
            Kick();
            await _pump;
        }
    }

    public Task<Placement> Submit(TicketSpec spec, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var now = Advance();

        // Only the ticket's own grain submits it, and only while it has no stored record: a copy
        // still waiting here is what an earlier attempt left when its store failed with its silo.
        // The retry takes its place instead of being refused as a duplicate ("409" read as "accepted").
        if (Engine.TryGetTicket(spec.TicketId, out var held, out var heldTier, out _))
        {
            if (held == DeskTicketState.Offered)
            {
                // The offer's acceptance waits on the ticket grain, which is busy with this submit.
                return Task.FromResult(new Placement(spec.TicketId, heldTier, null, Engine.Settings.SlaFor(spec.Priority)));
            }

            if (held == DeskTicketState.Queued)
            {
                Engine.Withdraw(spec.TicketId);
            }
        }

        var placement = Engine.Submit(spec, now, createdAt);
        Kick();
        return Task.FromResult(placement);
    }

    public Task Withdraw(string ticketId)
    {
        Advance();
        Engine.Withdraw(ticketId);
        return Task.CompletedTask;
    }

    public Task<Placement> Reopen(TicketSpec spec)
    {
        var now = Advance();
        var placement = Engine.Reopen(spec, now);
        Kick();
        return Task.FromResult(placement);
    }

    public async Task RegisterAgent(AgentSpec spec, Presence presence)
    {
        var now = Advance();
        Engine.UpsertAgent(spec, presence, now);
        if (!state.State.Agents.TryGetValue(spec.AgentId, out var known) || known != spec)
        {
            await WriteAsync(() => state.State.Agents[spec.AgentId] = spec);
        }

        Kick();
    }

    public Task SetPresence(string agentId, Presence presence)
    {
        var now = Advance();
        Engine.SetPresence(agentId, presence, now);
        Kick();
        return Task.CompletedTask;
    }

    public Task Resolved(string ticketId, string agentId)
    {
        var now = Advance();
        Engine.Resolve(ticketId, agentId, now);
        Kick();
        return Task.CompletedTask;
    }

    public Task<Placement> Escalate(string ticketId, string agentId, string reason, string? toTier)
    {
        var now = Advance();
        var placement = Engine.Escalate(ticketId, agentId, reason, now, toTier);
        Kick();
        return Task.FromResult(placement);
    }

    public Task Abandon(string ticketId)
    {
        var now = Advance();
        Engine.Abandon(ticketId, now);
        Kick();
        return Task.CompletedTask;
    }

    public Task RecordAssigned(string ticketId, string agentId)
    {
        var now = Advance();
        Engine.RecordAssigned(ticketId, agentId, now);
        Kick();
        return Task.CompletedTask;
    }

    public async Task Reconcile(OpenTicket ticket)
    {
        var now = Advance();
        if (Engine.TryGetTicket(ticket.Spec.TicketId, out _, out _, out _))
        {
            return;
        }

        if (ticket.AgentId is { } agentId && !Engine.HasAgent(agentId))
        {
            LogRebuildSkipped(null, DeskId, ticket.Spec.TicketId);
            return;
        }

        Engine.Restore(ticket.Spec, ticket.CreatedAt, ticket.Tier, ticket.QueuedAt, ticket.AgentId, ticket.Responded, now);
        LogRestored(DeskId, ticket.Spec.TicketId, ticket.Tier, ticket.AgentId);
        if (ticket.AgentId is { } holder)
        {
            // The ticket is the authority on who holds it; make sure that agent knows.
            await GrainFactory.Agent(holder).Adopt(ticket.Spec.TicketId);
        }

        Advance();
        Kick();
    }

    // Served through the IDeskDiagnostics extension (DeskDiagnostics), only where a silo installs it.
    void IDiagnosableDesk.CheckInvariants() => Engine.CheckInvariants();

    void IDiagnosableDesk.EnableJournal() => _journal ??= [];

    async Task<SettleReport> IDiagnosableDesk.DrainJournal()
    {
        await WhenIdle();
        if (_journal is null || _journal.Count == 0)
        {
            return new SettleReport([], _engine?.NextDeadline);
        }

        var entries = _journal.ToImmutableArray();
        _journal.Clear();
        return new SettleReport(entries, _engine?.NextDeadline);
    }

    private async Task WriteAsync(Action change)
    {
        await _writing.WaitAsync();
        try
        {
            change();
            await state.WriteStateAsync();
        }
        finally
        {
            _writing.Release();
        }
    }

    /// <summary>Applies the engine's due deadlines; what they did is queued for delivery to the tickets.</summary>
    private DateTimeOffset Advance()
    {
        var now = clock.GetUtcNow();
        if (_engine is null)
        {
            return now;
        }

        var actions = _engine.AdvanceTo(now);
        foreach (var action in actions)
        {
            if (action.Kind == DeskActionKind.WaitEscalated)
            {
                _notifications.Enqueue(action);
                _journal?.Add(new JournalEntry(JournalKind.WaitEscalated, action.TicketId, null, action.ToTier, action.FromTier, action.At));
            }
        }

        if (actions.Count > 0)
        {
            Kick();
        }

        return now;
    }

    private void Kick()
    {
        if (_pumping || _engine is null)
        {
            ArmTimer();
            return;
        }

        _pumping = true;
        _pump = PumpAsync();
    }

    private async Task PumpAsync()
    {
        try
        {
            // Yield first so the call that kicked the pump completes before any offer goes out.
            await Task.Yield();
            var limit = Math.Max(1, options.Value.MaxOffersInFlight);
            while (true)
            {
                var now = Advance();
                if (_notifications.TryDequeue(out var action))
                {
                    // Only queued tickets escalate, and a queued ticket has no offer out, so this
                    // cannot overtake an offer about the same ticket.
                    await NotifyAsync(action);
                    continue;
                }

                // Each offer names a different ticket and reserves a slot of its agent, so offers
                // in flight never contend; the engine is touched only on this activation's thread.
                if (_offersInFlight < limit && Engine.TryNextOffer(now, out var offer))
                {
                    _offersInFlight++;
                    _ = DeliverAndSettleAsync(offer);
                    if (_offersInFlight < limit)
                    {
                        continue;
                    }
                }

                if (_offersInFlight == 0)
                {
                    break;
                }

                // Continuations run asynchronously, back on this activation's scheduler, so the pump
                // never resumes inside the settling offer's frame.
                _offerSettled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                await _offerSettled.Task;
            }
        }
        finally
        {
            _pumping = false;
            ArmTimer();
        }
    }

    private IAgentGrain Agent(string agentId)
    {
        if (!_agentGrains.TryGetValue(agentId, out var grain))
        {
            grain = GrainFactory.Agent(agentId);
            _agentGrains.Add(agentId, grain);
        }

        return grain;
    }

    private async Task DeliverAndSettleAsync(Offer offer)
    {
        try
        {
            await DeliverAsync(offer);
        }
        catch (Exception ex)
        {
            LogPumpFailure(ex, DeskId);
        }
        finally
        {
            _offersInFlight--;
            var settled = _offerSettled;
            _offerSettled = null;
            settled?.TrySetResult();
        }
    }

    private async Task DeliverAsync(Offer offer)
    {
        OfferReply reply;
        try
        {
            reply = await Agent(offer.AgentId).Offer(offer);
        }
        catch (Exception ex)
        {
            LogOfferFailed(ex, DeskId, offer.TicketId, offer.AgentId);
            Engine.OfferUnanswered(offer, clock.GetUtcNow());
            return;
        }

        var now = clock.GetUtcNow();
        if (Engine.AnswerOffer(offer, reply.Outcome, reply.Presence, reply.Held, now))
        {
            // Recorded on the reply, not the offer: the pump is sequential, so this is still the engine's order.
            _journal?.Add(new JournalEntry(JournalKind.Assigned, offer.TicketId, offer.AgentId, offer.Tier, null, now));
        }
    }

    private async Task NotifyAsync(DeskAction action)
    {
        try
        {
            await GrainFactory.Ticket(action.TicketId).DeskEscalated(action);
        }
        catch (Exception ex)
        {
            LogNotifyFailed(ex, DeskId, action.TicketId);
        }
    }

    private void ArmTimer()
    {
        if (!options.Value.DeadlineTimer)
        {
            return;
        }

        var due = _engine?.NextDeadline;
        if (due == _timerDue)
        {
            return;
        }

        _timer?.Dispose();
        _timer = null;
        _timerDue = due;
        if (due is { } at)
        {
            var delay = at - clock.GetUtcNow();
            _timer = this.RegisterGrainTimer(
                static (grain, _) => grain.OnTimer(),
                this,
                new GrainTimerCreationOptions(delay < TimeSpan.Zero ? TimeSpan.Zero : delay, Timeout.InfiniteTimeSpan) { Interleave = true });
        }
    }

    private Task OnTimer()
    {
        _timerDue = null;
        Advance();
        Kick();
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Desk {DeskId} took back ticket {TicketId} at {Tier} (held by {AgentId})")]
    private partial void LogRestored(string deskId, string ticketId, string tier, string? agentId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Desk {DeskId}: could not take back ticket {TicketId}")]
    private partial void LogRebuildSkipped(Exception? ex, string deskId, string ticketId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Desk {DeskId}: settling an offer failed")]
    private partial void LogPumpFailure(Exception ex, string deskId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Desk {DeskId} configured with {Tiers} tiers")]
    private partial void LogConfigured(string deskId, int tiers);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Desk {DeskId}: offer of ticket {TicketId} to agent {AgentId} failed")]
    private partial void LogOfferFailed(Exception ex, string deskId, string ticketId, string agentId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Desk {DeskId}: could not notify ticket {TicketId} of its escalation")]
    private partial void LogNotifyFailed(Exception ex, string deskId, string ticketId);
}
