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
public sealed class DeskSchedulerGrain(
    [PersistentState("desk", SupportQueueStorage.Name)] IPersistentState<DeskState> state,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock,
    IOptions<SupportQueueGrainOptions> options,
    ILogger<DeskSchedulerGrain> logger) : Grain, IDeskSchedulerGrain, IDiagnosableDesk
{
    // Offers are not timed out by the engine here: the pump awaits each one, and Orleans' call
    // timeout turns an agent that never answers into a decline.
    private static readonly DeskSchedulerOptions _liveOptions = new() { ExpireOffers = false };

    // Reentrancy lets a second RegisterAgent change the agents map while the storage provider is
    // still serializing it for the first write ("Collection was modified"); writes take turns.
    private readonly SemaphoreSlim _writing = new(1, 1);
    private DeskScheduler? _engine;
    private OfferPump _pump = null!;

    // Live desks only (simulations measure their own way); kept with the state, so it survives activations.
    private DeskStatistics? _statistics;
    private DeadlineTimer? _timer;
    private DeskCounts? _stored;

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

        _pump = new OfferPump(DeskId, GrainFactory, clock, options.Value.MaxOffersInFlight, logger, Advance, ArmTimer);
        if (state.State.Settings is not { } settings)
        {
            return;
        }

        var now = clock.GetUtcNow();
        _engine = _pump.Engine = new DeskScheduler(DeskId, settings, options: LiveOptions(settings));

        // A (re)activated desk has lost its queues. Agents and the tickets they hold come back
        // from the agents' own records, waiting tickets from the tickets their reminders name,
        // both before the first call is served; anything missed comes back when its reminder fires.
        var rebuild = new DeskRebuild(DeskId, GrainFactory, logger);
        await rebuild.RebuildAgentsAsync(_engine, state.State.Agents.Values, now);
        if (options.Value.DurableTickets && ServiceProvider.GetService<IReminderTable>() is { } reminders)
        {
            await rebuild.RebuildWaitingAsync(_engine, reminders, now);
        }

        // The totals are nowhere else; restored tickets must not restart them at zero.
        if (state.State.Counts is { } counts)
        {
            _engine.RestoreCounts(counts);
        }

        _stored = _engine.Counts();
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
            _engine = _pump.Engine = new DeskScheduler(DeskId, settings, options: LiveOptions(settings));
        }
        else
        {
            _engine.Reconfigure(settings, now: now);
            _statistics?.MoveTo(DeskTimeZone.Find(settings.TimeZone), now);
        }

        await WriteAsync(() => state.State.Settings = settings);
        await GrainFactory.DeskRegistry().Add(DeskId);
        DeskLog.Configured(logger, DeskId, settings.TierCount);
        Kick();
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        SupportQueueMetrics.ForgetDesk(DeskId);
        DeskStatisticsGauges.Forget(DeskId);
        try
        {
            await SaveStatisticsAsync();
            await CheckpointAsync();
        }
#pragma warning disable CA1031 // Best effort: the last periodic checkpoint stands.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            DeskLog.CheckpointFailed(logger, ex, DeskId);
        }
    }

    private DeskSchedulerOptions LiveOptions(DeskSettings settings) => options.Value.DeadlineTimer
        ? _liveOptions with { Statistics = _statistics ??= DeskStatistics.Restore(state.State.Statistics, DeskTimeZone.Find(settings.TimeZone)) }
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
            if (_statistics is not null)
            {
                DeskStatisticsGauges.Publish(DeskId, await GetStatistics());
            }

            await SaveStatisticsAsync();
            await CheckpointAsync();
        }
    }

    // The totals are stored when they changed, on the status timer and on deactivation, not on
    // every ticket: a desk killed outright comes back with totals at most one period old.
    private async Task CheckpointAsync()
    {
        if (_engine?.Counts() is { } counts && !counts.Equals(_stored))
        {
            await WriteAsync(() => state.State.Counts = counts);
            _stored = counts;
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

    public Task WhenIdle()
    {
        Advance();
        return _pump.WhenIdle();
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
        return Task.FromResult(placement with { QueueLength = Engine.QueueLength(Engine.Settings.TierIndex(placement.Tier)) });
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
        if (await new DeskRebuild(DeskId, GrainFactory, logger).ReconcileAsync(Engine, ticket, now))
        {
            Advance();
            Kick();
        }
    }

    // Served through the IDeskDiagnostics extension (DeskDiagnostics), only where a silo installs it.
    void IDiagnosableDesk.CheckInvariants() => Engine.CheckInvariants();

    void IDiagnosableDesk.EnableJournal() => _pump.Journal ??= [];

    async Task<SettleReport> IDiagnosableDesk.DrainJournal()
    {
        await WhenIdle();
        if (_pump.Journal is not { Count: > 0 } journal)
        {
            return new SettleReport([], _engine?.NextDeadline);
        }

        var entries = journal.ToImmutableArray();
        journal.Clear();
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
                _pump.Notify(action);
                _pump.Journal?.Add(new JournalEntry(JournalKind.WaitEscalated, action.TicketId, null, action.ToTier, action.FromTier, action.At));
            }
        }

        if (actions.Count > 0)
        {
            Kick();
        }

        return now;
    }

    private void Kick() => _pump?.Kick();

    private void ArmTimer()
    {
        if (options.Value.DeadlineTimer)
        {
            (_timer ??= new DeadlineTimer(this, clock, () =>
            {
                Advance();
                Kick();
            })).Arm(_engine?.NextDeadline);
        }
    }
}
