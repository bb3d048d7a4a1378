using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using SupportQueue.Core.Demand;
using SupportQueue.Core.Model;
using SupportQueue.Core.Randomness;

namespace SupportQueue.Core.Simulation;

/// <summary>Switches for one replication.</summary>
public sealed record SimulationOptions
{
    /// <summary>Prefix for ticket, agent and desk ids, so runs sharing a cluster never collide.</summary>
    public string IdPrefix { get; init; } = "";

    /// <summary>Keep every ticket's path (memory grows with the ticket count): for comparing runs.</summary>
    public bool RecordOutcomes { get; init; }
}

/// <summary>
/// One replication of a scenario: the discrete-event loop. Arrivals, handling, patience,
/// escalation and reopening are drawn here from separate seeded streams; every routing decision
/// is the desk's, reached through an <see cref="IDeskDriver"/>. Each calendar event performs at
/// most one desk operation and then settles the desk, so the fast and the grain driver see the
/// same sequence of operations.
/// </summary>
public sealed class SimulationRun
{
    private const double Never = double.PositiveInfinity;

    /// <summary>
    /// The loop returns to its caller this often. A method that never returns runs the code the JIT
    /// made while it was entering the loop; returning now and then lets the runtime replace it with
    /// code optimised for how the loop actually runs.
    /// </summary>
    private const int TurnsPerCall = 256;

    private readonly Scenario _scenario;
    private readonly int _replication;
    private readonly SimulationOptions _options;
    private readonly DeskSettings _desk;
    private readonly DateTimeOffset _epoch;

    /// <summary><see cref="_epoch"/> in ticks (its offset is zero): each event converts its time once.</summary>
    private readonly long _epochTicks;
    private readonly double _horizon;
    private readonly int _tiers;
    private readonly EventCalendar<SimEvent> _calendar = new();
    private readonly List<SettleEntry> _journal = [];
    private readonly List<SimAgent> _agents = [];

    // The run's own tables name tickets by their index in _ticketObjects rather than hold them:
    // storing a number costs no GC write barrier, and these change on every customer.

    /// <summary>
    /// Open tickets by slot, as indexes into <see cref="_ticketObjects"/> (-1: free). A closed
    /// ticket's slot is reused first (last freed, first reused), so walking the slots visits open
    /// tickets in a fixed order: the end-of-run accounting depends on it.
    /// </summary>
    private readonly List<int> _open = [];
    private readonly Stack<int> _freeSlots = new();

    /// <summary>Closed tickets (indexes), for reuse: a long run allocates only as many as are ever open at once.</summary>
    private readonly Stack<int> _recycled = new();

    /// <summary>Every ticket object the run made, by <see cref="SimTicket.Index"/>: calendar events name tickets by this index.</summary>
    private SimTicket[] _ticketObjects = new SimTicket[64];
    private int _ticketObjectCount;
    private readonly string[] _notResolvedReason;
    private readonly double[][] _resolveProbability;
    private readonly ISampler?[][] _handling;
    private readonly ISampler?[] _patience;
    private readonly ISampler?[] _reopenDelay;
    private readonly double[] _classCumulative;
    private readonly RandomStream _classStream;
    private readonly RandomStream _handlingStream;
    private readonly RandomStream _patienceStream;
    private readonly RandomStream _escalationStream;
    private readonly RandomStream _reopenStream;
    private readonly RandomStream _shrinkageStream;
    private readonly ArrivalGenerator _arrivals;
    private readonly RateFunction _rate;
    private readonly Metrics _metrics;
    private readonly List<TicketOutcome> _outcomes = [];
    private readonly string _deskId;
    private long _sequence;
    private long _ticketNumber;
    private long _events;
    private double _nextDeadline = Never;

    /// <summary>
    /// The one pending arrival (<see cref="Never"/>: none) waits beside the calendar rather than in
    /// it, with a sequence number from the same counter, so events still run in (time, sequence)
    /// order and every customer costs one calendar insertion and removal fewer.
    /// </summary>
    private double _arrivalTime = Never;
    private long _arrivalSequence;
    private readonly double _warmUp;
    private double _nextProgress;
    private IProgress<double>? _progress;
    private CancellationToken _cancellation;

    public SimulationRun(Scenario scenario, int replication, SimulationOptions? options = null)
    {
        scenario.EnsureValid();
        _scenario = scenario;
        _replication = replication;
        _options = options ?? new SimulationOptions();
        _desk = scenario.Desk;
        _epoch = new DateTimeOffset(DateTime.SpecifyKind(scenario.Start, DateTimeKind.Unspecified), TimeSpan.Zero);
        _epochTicks = _epoch.UtcTicks;
        _horizon = scenario.HorizonMinutes;
        _warmUp = scenario.WarmUp.TotalMinutes;
        _tiers = _desk.TierCount;
        _deskId = _options.IdPrefix + "desk";

        var classes = scenario.TicketClasses;
        _notResolvedReason = [.. _desk.Tiers.Select(t => $"not resolved at {t.Name}")];
        _resolveProbability = [.. classes.Select(c => _desk.Tiers.Select(t => c.ResolveAt(t.Name)).ToArray())];
        _handling = new ISampler?[classes.Length][];
        _patience = new ISampler?[classes.Length];
        _reopenDelay = new ISampler?[classes.Length];
        _classCumulative = new double[classes.Length];
        var total = classes.Sum(c => c.Share);
        var running = 0.0;
        for (var c = 0; c < classes.Length; c++)
        {
            var tc = classes[c];
            _handling[c] = new ISampler?[_tiers];
            for (var t = 0; t < _tiers; t++)
            {
                _handling[c][t] = tc.HandlingAt(_desk.Tiers[t].Name)?.CreateSampler();
            }

            _patience[c] = tc.Patience?.CreateSampler();
            _reopenDelay[c] = tc.Reopen?.Delay.CreateSampler();
            running += tc.Share / total;
            _classCumulative[c] = running;
        }

        _classCumulative[^1] = 1.0;
        var seed = scenario.Seed;
        _classStream = RandomStream.Create(seed, StreamId.TicketClass, replication);
        _handlingStream = RandomStream.Create(seed, StreamId.Handling, replication);
        _patienceStream = RandomStream.Create(seed, StreamId.Patience, replication);
        _escalationStream = RandomStream.Create(seed, StreamId.Escalation, replication);
        _reopenStream = RandomStream.Create(seed, StreamId.Reopen, replication);
        _shrinkageStream = RandomStream.Create(seed, StreamId.Shrinkage, replication);
        _rate = new RateFunction(scenario.Demand, scenario.Start, _horizon);
        _arrivals = new ArrivalGenerator(_rate, RandomStream.Create(seed, StreamId.Arrivals, replication));
        _metrics = new Metrics(scenario, _tiers);
    }

    /// <summary>Runs the replication to the horizon.</summary>
    public async ValueTask<ReplicationResult> RunAsync(IDeskDriver driver, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        var specs = BuildRoster();
        await driver.Configure(_deskId, _desk, specs, _epoch);
        StartRoster();
        ScheduleArrival(_arrivals.NextArrival(0));
        Schedule(_scenario.IntervalMinutes, new SimEvent(EventKind.IntervalEnd));

        _progress = progress;
        _cancellation = cancellationToken;
        _nextProgress = _horizon / 100;
        while (await StepsAsync(driver))
        {
        }

        progress?.Report(1.0);
        return Finish();
    }

    /// <summary>Runs with the in-process engine; completes synchronously.</summary>
    public ReplicationResult RunFast(IProgress<double>? progress = null) =>
        RunAsync(new EngineDeskDriver(), progress).AsTask().GetAwaiter().GetResult();

    // The event logic below is written once for every driver. Each step runs synchronously as long
    // as the driver answers synchronously (the in-process engine always does), so a fast run costs
    // no async state machine per event; when a driver really waits (the grains), the rest of that
    // step continues after the await, in the same order.

    /// <summary>
    /// Runs the loop, one desk deadline or calendar event per turn, until the run is over (false),
    /// a driver call is pending (then returns the rest of that turn, whose result is true), or
    /// <see cref="TurnsPerCall"/> turns are done (true).
    /// </summary>
    private ValueTask<bool> StepsAsync(IDeskDriver driver)
    {
        for (var turn = 0; turn < TurnsPerCall; turn++)
        {
            var nextEvent = _calendar.TryPeek(out var peeked, out var peekedSequence) ? peeked : Never;
            var arrivalFirst = _arrivalTime < nextEvent || (_arrivalTime == nextEvent && _arrivalTime < Never && _arrivalSequence < peekedSequence);
            if (arrivalFirst)
            {
                nextEvent = _arrivalTime;
            }

            if (_nextDeadline <= nextEvent && _nextDeadline <= _horizon)
            {
                var deadline = _nextDeadline;
                var settledAtDeadline = SettleAsync(driver, deadline, At(deadline));
                if (!settledAtDeadline.IsCompletedSuccessfully)
                {
                    return ThenTrue(settledAtDeadline);
                }

                settledAtDeadline.GetAwaiter().GetResult();
                continue;
            }

            if (nextEvent > _horizon)
            {
                return new ValueTask<bool>(false);
            }

            SimEvent ev;
            double now;
            if (arrivalFirst)
            {
                ev = new SimEvent(EventKind.Arrival);
                now = _arrivalTime;
                _arrivalTime = Never;
            }
            else
            {
                ev = _calendar.Dequeue(out now);
            }

            _events++;

            // One conversion per event: the operation and the settling after it happen at the same instant.
            var at = At(now);
            var changed = Handle(driver, ev, now, at, out var handled);
            if (!handled.IsCompletedSuccessfully)
            {
                return FinishStepAsync(driver, handled, changed, now, at);
            }

            handled.GetAwaiter().GetResult();
            if (changed)
            {
                var settled = SettleAsync(driver, now, at);
                if (!settled.IsCompletedSuccessfully)
                {
                    return ReportAfter(settled, now);
                }

                settled.GetAwaiter().GetResult();
            }

            ReportProgress(now);
        }

        return new ValueTask<bool>(true);
    }

    private async ValueTask<bool> FinishStepAsync(IDeskDriver driver, ValueTask handled, bool changed, double now, DateTimeOffset at)
    {
        await handled;
        if (changed)
        {
            await SettleAsync(driver, now, at);
        }

        ReportProgress(now);
        return true;
    }

    private async ValueTask<bool> ReportAfter(ValueTask settled, double now)
    {
        await settled;
        ReportProgress(now);
        return true;
    }

    private static async ValueTask<bool> ThenTrue(ValueTask pending)
    {
        await pending;
        return true;
    }

    private void ReportProgress(double now)
    {
        if (now >= _nextProgress)
        {
            _cancellation.ThrowIfCancellationRequested();
            _progress?.Report(now / _horizon);
            _nextProgress = now + (_horizon / 100);
        }
    }

    /// <summary>
    /// Applies one calendar event; true when it changed the desk, which then needs settling.
    /// <paramref name="pending"/> is the rest of the event's work when the driver has not finished yet.
    /// </summary>
    private bool Handle(IDeskDriver driver, SimEvent ev, double now, DateTimeOffset at, out ValueTask pending)
    {
        switch (ev.Kind)
        {
            case EventKind.Arrival:
                ScheduleArrival(_arrivals.NextArrival(now));
                pending = ArriveAsync(driver, now, at);
                return true;
            case EventKind.ServiceEnd:
                pending = EndServiceAsync(driver, _ticketObjects[ev.Ticket], now, at);
                return true;
            default:
                return HandleRare(driver, ev, now, at, out pending);
        }
    }

    /// <summary>
    /// The events other than arrivals and service ends: a separate method, so the frame of the
    /// per-customer path stays small.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool HandleRare(IDeskDriver driver, SimEvent ev, double now, DateTimeOffset at, out ValueTask pending)
    {
        pending = default;
        switch (ev.Kind)
        {
            case EventKind.Abandon:
                var waiting = _ticketObjects[ev.Ticket];

                // A different generation: the customer was served, and the ticket closed and reused.
                if (waiting.Generation != ev.Arg || waiting.State != TicketState.Waiting || waiting.Responded)
                {
                    return false;
                }

                var abandoned = driver.Abandon(waiting, at);
                if (!abandoned.IsCompletedSuccessfully)
                {
                    pending = AbandonedAsync(abandoned, waiting, now);
                    return true;
                }

                abandoned.GetAwaiter().GetResult();
                Abandoned(waiting, now);
                return true;
            case EventKind.Reopen:
                pending = ReopenAsync(driver, _ticketObjects[ev.Ticket], now, at);
                return true;
            case EventKind.Presence:
                var agent = _agents[ev.Arg];
                if (agent.Presence == ev.Presence)
                {
                    return false;
                }

                var set = driver.SetPresence(agent.Index, ev.Presence, at);
                if (!set.IsCompletedSuccessfully)
                {
                    pending = PresenceSetAsync(set, agent, ev.Presence, now);
                    return true;
                }

                set.GetAwaiter().GetResult();
                _metrics.PresenceChanged(agent, ev.Presence, now);
                return true;
            case EventKind.DayStart:
                ScheduleDay(ev.Arg, now);
                return false;
            case EventKind.IntervalEnd:
                _metrics.SnapshotBacklog(now);
                Schedule(now + _scenario.IntervalMinutes, new SimEvent(EventKind.IntervalEnd));
                return false;
            default:
                throw new InvalidOperationException($"unknown event {ev.Kind}");
        }
    }

    private async ValueTask AbandonedAsync(ValueTask pending, SimTicket ticket, double now)
    {
        await pending;
        Abandoned(ticket, now);
    }

    private void Abandoned(SimTicket ticket, double now)
    {
        ticket.State = TicketState.Done;
        _metrics.Abandoned(ticket, now);
        Close(ticket, "abandoned", now);
    }

    private async ValueTask PresenceSetAsync(ValueTask pending, SimAgent agent, Presence presence, double now)
    {
        await pending;
        _metrics.PresenceChanged(agent, presence, now);
    }

    private ValueTask ArriveAsync(IDeskDriver driver, double now, DateTimeOffset at)
    {
        var u = _classStream.NextDouble();
        var cls = 0;
        while (u >= _classCumulative[cls])
        {
            cls++;
        }

        var tc = _scenario.TicketClasses[cls];
        var ticket = _recycled.TryPop(out var recycled) ? _ticketObjects[recycled] : NewTicketObject();

        ticket.Start(tc, cls, ++_ticketNumber, now, now >= _warmUp, _options.RecordOutcomes);

        // Every random attribute of a ticket is drawn on arrival, in a fixed order, so two policies
        // compared on the same seed see exactly the same customers.
        DrawAttributes(ticket);
        Open(ticket);
        _metrics.Arrived(ticket, now);
        var placement = driver.Submit(ticket, at);
        if (!placement.IsCompletedSuccessfully)
        {
            return SubmittedAsync(placement, ticket, now);
        }

        Submitted(ticket, placement.Result, now);
        return default;
    }

    private SimTicket NewTicketObject()
    {
        if (_ticketObjectCount == _ticketObjects.Length)
        {
            Array.Resize(ref _ticketObjects, _ticketObjects.Length * 2);
        }

        var ticket = new SimTicket(_options.IdPrefix, _tiers, _ticketObjectCount);
        _ticketObjects[_ticketObjectCount++] = ticket;
        return ticket;
    }

    private async ValueTask SubmittedAsync(ValueTask<int> pending, SimTicket ticket, double now) =>
        Submitted(ticket, await pending, now);

    private void Submitted(SimTicket ticket, int tier, double now)
    {
        Queue(ticket, tier, now);
        if (ticket.Patience < Never)
        {
            Schedule(now + ticket.Patience, new SimEvent(EventKind.Abandon, ticket.Index, ticket.Generation));
        }
    }

    private void DrawAttributes(SimTicket ticket)
    {
        var cls = ticket.ClassIndex;
        for (var t = 0; t < _tiers; t++)
        {
            var sampler = _handling[cls][t];
            ticket.Handling[t] = sampler is null ? 0 : Math.Max(0, sampler.Sample(_handlingStream));
            ticket.ResolveDraw[t] = _escalationStream.NextDouble();
        }

        ticket.Patience = _patience[cls] is { } patience ? Math.Max(0, patience.Sample(_patienceStream)) : Never;
        ticket.ReopenDraw = _reopenStream.NextDouble();
        ticket.ReopenDelay = _reopenDelay[cls] is { } delay ? Math.Max(0, delay.Sample(_reopenStream)) : 0;
    }

    private ValueTask EndServiceAsync(IDeskDriver driver, SimTicket ticket, double now, DateTimeOffset at)
    {
        var agent = _agents[ticket.AgentIndex];
        var tier = ticket.Tier;
        _metrics.ServiceEnded(ticket, agent, now);
        var resolves = tier == _tiers - 1 || ticket.ResolveDraw[tier] < _resolveProbability[ticket.ClassIndex][tier];
        if (resolves)
        {
            var resolved = driver.Resolve(ticket, agent.Index, at);
            if (!resolved.IsCompletedSuccessfully)
            {
                return ResolvedAsync(resolved, ticket, now);
            }

            resolved.GetAwaiter().GetResult();
            Resolved(ticket, now);
            return default;
        }

        var placement = driver.Escalate(ticket, agent.Index, _notResolvedReason[tier], at);
        if (!placement.IsCompletedSuccessfully)
        {
            return EscalatedAsync(placement, ticket, tier, now);
        }

        Escalated(ticket, tier, placement.Result, now);
        return default;
    }

    private async ValueTask ResolvedAsync(ValueTask pending, SimTicket ticket, double now)
    {
        await pending;
        Resolved(ticket, now);
    }

    private void Resolved(SimTicket ticket, double now)
    {
        ticket.State = TicketState.Done;
        ticket.AgentIndex = -1;
        _metrics.Resolved(ticket, now);
        var reopen = ticket.Class.Reopen;
        if (reopen is not null && ticket.ReopenDraw < reopen.Probability)
        {
            ticket.Path?.Append("|reopen");
            Schedule(now + ticket.ReopenDelay, new SimEvent(EventKind.Reopen, ticket.Index));
        }
        else
        {
            Close(ticket, "resolved", now);
        }
    }

    private async ValueTask EscalatedAsync(ValueTask<int> pending, SimTicket ticket, int tier, double now) =>
        Escalated(ticket, tier, await pending, now);

    private void Escalated(SimTicket ticket, int fromTier, int toTier, double now)
    {
        ticket.AgentIndex = -1;
        _metrics.Escalated(ticket, fromTier, now);
        Queue(ticket, toTier, now);
    }

    private ValueTask ReopenAsync(IDeskDriver driver, SimTicket ticket, double now, DateTimeOffset at)
    {
        DrawAttributes(ticket);
        ticket.Reopened = true;
        var placement = driver.Reopen(ticket, at);
        if (!placement.IsCompletedSuccessfully)
        {
            return ReopenedAsync(placement, ticket, now);
        }

        Queue(ticket, placement.Result, now);
        return default;
    }

    private async ValueTask ReopenedAsync(ValueTask<int> pending, SimTicket ticket, double now) =>
        Queue(ticket, await pending, now);

    private ValueTask SettleAsync(IDeskDriver driver, double now, DateTimeOffset settleAt)
    {
        _journal.Clear();
        var deadline = driver.Settle(settleAt, _journal);
        if (!deadline.IsCompletedSuccessfully)
        {
            return SettledAsync(deadline, settleAt, now);
        }

        Settled(deadline.Result, settleAt, now);
        return default;
    }

    private async ValueTask SettledAsync(ValueTask<long> pending, DateTimeOffset settleAt, double now) =>
        Settled(await pending, settleAt, now);

    private void Settled(long deadlineTicks, DateTimeOffset settleAt, double now)
    {
        _nextDeadline = deadlineTicks == long.MaxValue ? Never : (deadlineTicks - _epochTicks) / (double)TimeSpan.TicksPerMinute;
        foreach (ref readonly var entry in CollectionsMarshal.AsSpan(_journal))
        {
            var ticket = (SimTicket)entry.Ticket;
            // Keep the exact virtual time when the desk acted now: a round trip through ticks would
            // turn a zero wait into a few nanoseconds.
            var at = entry.At == settleAt ? now : Minutes(entry.At);
            if (entry.Kind == JournalKind.WaitEscalated)
            {
                _metrics.Escalated(ticket, ticket.Tier, at);
                Queue(ticket, entry.Tier, at);
                continue;
            }

            var agent = _agents[entry.Agent];
            ticket.State = TicketState.InService;
            ticket.AgentIndex = entry.Agent;
            ticket.AssignedAt = at;
            ticket.Path?.Append('>').Append(agent.Id).Append('@').Append(at.ToString("0.######", CultureInfo.InvariantCulture));
            _metrics.Assigned(ticket, agent, at);
            ticket.Responded = true;
            Schedule(at + ticket.Handling[ticket.Tier], new SimEvent(EventKind.ServiceEnd, ticket.Index));
        }
    }

    private void Queue(SimTicket ticket, int tier, double now)
    {
        ticket.Tier = tier;
        ticket.QueuedAt = now;
        ticket.State = TicketState.Waiting;
        ticket.Path?.Append('|').Append(_desk.Tiers[tier].Name).Append('@').Append(now.ToString("0.######", CultureInfo.InvariantCulture));
        _metrics.Queued(ticket, now);
    }

    private void Open(SimTicket ticket)
    {
        if (_freeSlots.TryPop(out var slot))
        {
            _open[slot] = ticket.Index;
        }
        else
        {
            slot = _open.Count;
            _open.Add(ticket.Index);
        }

        ticket.Slot = slot;
    }

    private void Close(SimTicket ticket, string ending, double now)
    {
        _open[ticket.Slot] = -1;
        _freeSlots.Push(ticket.Slot);
        if (ticket.Path is not null)
        {
            _outcomes.Add(new TicketOutcome(ticket.Id, ticket.Class.Name, ticket.Priority, ticket.Created, ticket.Path.ToString(), ending, now));
        }

        // Only a pending abandonment can still name the ticket, and it checks the generation.
        ticket.Generation++;
        _recycled.Push(ticket.Index);
    }

    // ------------------------------------------------------------------ roster

    private List<AgentSpec> BuildRoster()
    {
        var specs = new List<AgentSpec>();
        foreach (var group in _scenario.Roster.Groups)
        {
            var tier = _desk.TierIndex(group.Tier);
            for (var i = 1; i <= group.Count; i++)
            {
                var id = $"{_options.IdPrefix}{group.Name}-{i.ToString("000", CultureInfo.InvariantCulture)}";
                var spec = new AgentSpec(id, _deskId, _desk.Tiers[tier].Name, group.Skills.IsDefault ? [] : group.Skills, group.Capacity);
                var agent = new SimAgent(_agents.Count, id, tier, group.Capacity, group);
                _agents.Add(agent);
                specs.Add(spec);
            }
        }

        return specs;
    }

    private void StartRoster()
    {
        var anyShifts = false;
        foreach (var agent in _agents)
        {
            if (agent.Group.Shifts.IsDefaultOrEmpty)
            {
                Schedule(0, new SimEvent(EventKind.Presence, arg: agent.Index, presence: Presence.Available));
            }
            else
            {
                anyShifts = true;
            }
        }

        if (anyShifts)
        {
            // The day before the start too: a night shift that began yesterday is still running.
            ScheduleDay(-1, 0);
            Schedule(0, new SimEvent(EventKind.DayStart, arg: 0));
        }
    }

    private void ScheduleDay(int day, double now)
    {
        var dayStart = day * 1440.0;
        var weekday = _scenario.Start.AddDays(day).DayOfWeek;
        foreach (var agent in _agents)
        {
            var shifts = agent.Group.Shifts;
            if (shifts.IsDefaultOrEmpty)
            {
                continue;
            }

            foreach (var shift in shifts)
            {
                if (!shift.WorksOn(weekday))
                {
                    continue;
                }

                // Shrinkage: the agent misses this whole shift.
                if (_scenario.Roster.Shrinkage > 0 && _shrinkageStream.NextDouble() < _scenario.Roster.Shrinkage)
                {
                    continue;
                }

                var start = dayStart + shift.Start.TotalMinutes;
                var end = start + shift.Length.TotalMinutes;
                if (end <= now)
                {
                    continue;
                }

                Schedule(Math.Max(start, now), new SimEvent(EventKind.Presence, arg: agent.Index, presence: Presence.Available));
                if (!shift.Breaks.IsDefaultOrEmpty)
                {
                    foreach (var b in shift.Breaks)
                    {
                        var breakStart = start + b.After.TotalMinutes;
                        if (breakStart >= now)
                        {
                            Schedule(breakStart, new SimEvent(EventKind.Presence, arg: agent.Index, presence: Presence.Break));
                            Schedule(breakStart + b.Duration.TotalMinutes, new SimEvent(EventKind.Presence, arg: agent.Index, presence: Presence.Available));
                        }
                    }
                }

                Schedule(end, new SimEvent(EventKind.Presence, arg: agent.Index, presence: Presence.Offline));
            }
        }

        if (day >= 0 && dayStart + 1440 < _horizon)
        {
            Schedule(dayStart + 1440, new SimEvent(EventKind.DayStart, arg: day + 1));
        }
    }

    // ------------------------------------------------------------------ plumbing

    private void Schedule(double time, SimEvent ev)
    {
        if (time <= _horizon)
        {
            _calendar.Enqueue(time, ++_sequence, ev);
        }
    }

    private void ScheduleArrival(double time)
    {
        if (time <= _horizon)
        {
            _arrivalTime = time;
            _arrivalSequence = ++_sequence;
        }
        else
        {
            _arrivalTime = Never;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private DateTimeOffset At(double minutes) => new(_epochTicks + (long)Math.Round(minutes * TimeSpan.TicksPerMinute), TimeSpan.Zero);

    private double Minutes(DateTimeOffset at) => (at.UtcTicks - _epochTicks) / (double)TimeSpan.TicksPerMinute;

    private ReplicationResult Finish()
    {
        foreach (var agent in _agents)
        {
            _metrics.PresenceChanged(agent, Presence.Offline, _horizon);
        }

        foreach (var index in _open)
        {
            if (index >= 0 && _ticketObjects[index] is { State: TicketState.InService } ticket)
            {
                _metrics.ServiceEnded(ticket, _agents[ticket.AgentIndex], _horizon, finished: false);
            }
        }

        var expected = ImmutableArray.CreateBuilder<double>(_scenario.IntervalCount);
        for (var i = 0; i < _scenario.IntervalCount; i++)
        {
            var from = i * (double)_scenario.IntervalMinutes;
            expected.Add(_rate.ExpectedCount(from, Math.Min(_horizon, from + _scenario.IntervalMinutes)));
        }

        var outcomes = _outcomes.OrderBy(o => o.CreatedMinutes).ThenBy(o => o.TicketId, StringComparer.Ordinal).ToImmutableArray();
        return _metrics.Build(_replication, _desk, outcomes, _events, expected.MoveToImmutable());
    }

    internal enum EventKind : byte
    {
        Arrival,
        ServiceEnd,
        Abandon,
        Reopen,
        Presence,
        DayStart,
        IntervalEnd,
    }

    internal enum TicketState : byte
    {
        Waiting,
        InService,
        Done,
    }

    /// <summary>
    /// A calendar entry. <see cref="Ticket"/> is the ticket's <see cref="SimTicket.Index"/> (-1: none);
    /// <see cref="Arg"/> is the agent index (presence), the day (day start) or the ticket's
    /// generation (abandonment). No references: the calendar moves entries without GC write
    /// barriers, and an entry with the heap key stays at 32 bytes.
    /// </summary>
    internal readonly struct SimEvent(EventKind kind, int ticket = -1, int arg = 0, Presence presence = Presence.Offline)
    {
        public readonly int Ticket = ticket;

        public readonly int Arg = arg;

        public readonly EventKind Kind = kind;

        private readonly byte _presence = (byte)presence;

        public Presence Presence => (Presence)_presence;
    }

    internal sealed class SimTicket(string idPrefix, int tiers, int index) : SimulatedTicket
    {
        private string? _id;

        /// <summary>The object's place in the run's table of ticket objects; it keeps it through reuse.</summary>
        public int Index { get; } = index;

        /// <summary>Built on first use: a fast run that keeps no outcomes never needs it.</summary>
        public override string Id => _id ??= idPrefix + "T" + Number.ToString(CultureInfo.InvariantCulture);

        public long Number { get; private set; }
        public int ClassIndex { get; private set; }
        public Priority Priority { get; private set; }
        public double Created { get; private set; }
        public bool Counted { get; private set; }
        public double[] Handling { get; } = new double[tiers];
        public double[] ResolveDraw { get; } = new double[tiers];
        public StringBuilder? Path { get; private set; }

        /// <summary>Bumped each time the ticket closes; the object is then reused for a later customer.</summary>
        public int Generation { get; set; }

        /// <summary>Position in the run's list of open tickets.</summary>
        public int Slot { get; set; }
        public double Patience { get; set; }
        public double ReopenDraw { get; set; }
        public double ReopenDelay { get; set; }
        public int Tier { get; set; }
        public double QueuedAt { get; set; }

        /// <summary>Metrics interval of <see cref="Created"/>; set by the metrics for counted tickets.</summary>
        public int CreatedInterval { get; set; }

        /// <summary>Metrics interval of <see cref="QueuedAt"/>; set by the metrics for counted tickets.</summary>
        public int QueuedInterval { get; set; }
        public double AssignedAt { get; set; }
        public TicketState State { get; set; }
        /// <summary>The serving agent's index in the run's agent list; -1 when none.</summary>
        public int AgentIndex { get; set; } = -1;
        public bool Responded { get; set; }
        public bool Reopened { get; set; }

        /// <summary>Makes this object the ticket of a new customer; every field a previous one set is reset.</summary>
        public void Start(TicketClassSpec ticketClass, int classIndex, long number, double created, bool counted, bool recordPath)
        {
            // Usually the class of the object's previous customer: skip the reference store then.
            if (!ReferenceEquals(Class, ticketClass))
            {
                Class = ticketClass;
            }
            DriverHandle = -1;
            _id = null;
            Number = number;
            ClassIndex = classIndex;
            Priority = ticketClass.Priority;
            Created = created;
            Counted = counted;
            Path = recordPath ? new StringBuilder() : null;
            Patience = 0;
            ReopenDraw = 0;
            ReopenDelay = 0;
            Tier = 0;
            QueuedAt = 0;
            CreatedInterval = 0;
            QueuedInterval = 0;
            AssignedAt = 0;
            State = TicketState.Waiting;
            AgentIndex = -1;
            Responded = false;
            Reopened = false;
        }
    }

    internal sealed class SimAgent(int index, string id, int tier, int capacity, AgentGroupSpec group)
    {
        public int Index { get; } = index;
        public string Id { get; } = id;
        public int Tier { get; } = tier;
        public int Capacity { get; } = capacity;
        public AgentGroupSpec Group { get; } = group;
        public Presence Presence { get; set; } = Presence.Offline;
        public double PresenceSince { get; set; }

        /// <summary>Tickets in hand, for staffed-time accounting.</summary>
        public int Load { get; set; }
    }
}
