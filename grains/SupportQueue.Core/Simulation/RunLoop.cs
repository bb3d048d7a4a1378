using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SupportQueue.Core.Simulation;

/// <summary>
/// A run's discrete-event loop: takes the next desk deadline or calendar event, dispatches it to
/// its customer or roster handler, and settles the desk after every change. Each calendar event
/// performs at most one desk operation and then settles the desk, so the fast and the grain
/// driver see the same sequence of operations.
/// </summary>
internal sealed class RunLoop
{
    private const double Never = RunCalendar.Never;

    /// <summary>
    /// The loop returns to its caller this often. A method that never returns runs the code the JIT
    /// made while it was entering the loop; returning now and then lets the runtime replace it with
    /// code optimised for how the loop actually runs.
    /// </summary>
    private const int TurnsPerCall = 256;

    private readonly double _intervalMinutes;
    private readonly double _horizon;
    private readonly double _warmUp;
    private readonly SimTime _time;
    private readonly RunCalendar _calendar;
    private readonly CustomerSource _customers;
    private readonly RosterSchedule _roster;
    private readonly TicketPool _tickets;
    private readonly OutcomeRecorder _recorder;

    /// <summary>The recorder's counts, fed on every event: held here too, one dependent load less each time.</summary>
    private readonly Metrics _metrics;

    /// <summary>The roster's agents by index (the same array): read on every assignment and service end.</summary>
    private readonly SimAgent[] _agents;
    private readonly List<SettleEntry> _journal = [];
    private readonly IProgress<double>? _progress;
    private readonly CancellationToken _cancellation;
    private double _nextDeadline = Never;
    private double _nextProgress;
    private long _events;

    public RunLoop(
        Scenario scenario, SimTime time, RunCalendar calendar, CustomerSource customers, RosterSchedule roster,
        TicketPool tickets, OutcomeRecorder recorder, IProgress<double>? progress, CancellationToken cancellation)
    {
        _intervalMinutes = scenario.IntervalMinutes;
        _horizon = scenario.HorizonMinutes;
        _warmUp = scenario.WarmUp.TotalMinutes;
        _time = time;
        _calendar = calendar;
        _customers = customers;
        _roster = roster;
        _agents = roster.Agents;
        _tickets = tickets;
        _recorder = recorder;
        _metrics = recorder.Metrics;
        _progress = progress;
        _cancellation = cancellation;
        _nextProgress = _horizon / 100;
    }

    /// <summary>Calendar events run so far.</summary>
    public long Events => _events;

    // The event logic below is written once for every driver. Each step runs synchronously as long
    // as the driver answers synchronously (the in-process engine always does), so a fast run costs
    // no async state machine per event; when a driver really waits (the grains), the rest of that
    // step continues after the await, in the same order.

    /// <summary>
    /// Runs the loop, one desk deadline or calendar event per turn, until the run is over (false),
    /// a driver call is pending (then returns the rest of that turn, whose result is true), or
    /// <see cref="TurnsPerCall"/> turns are done (true).
    /// </summary>
    public ValueTask<bool> StepsAsync(IDeskDriver driver)
    {
        for (var turn = 0; turn < TurnsPerCall; turn++)
        {
            var nextEvent = _calendar.PeekNext(out var arrivalFirst);
            if (_nextDeadline <= nextEvent && _nextDeadline <= _horizon)
            {
                var deadline = _nextDeadline;
                var settledAtDeadline = SettleAsync(driver, deadline, _time.At(deadline));
                if (!settledAtDeadline.IsCompletedSuccessfully)
                {
                    return RunLoopContinuations.ThenTrue(settledAtDeadline);
                }

                settledAtDeadline.GetAwaiter().GetResult();
                continue;
            }

            if (nextEvent > _horizon)
            {
                return new ValueTask<bool>(false);
            }

            var ev = _calendar.Take(arrivalFirst, out var now);
            _events++;

            // One conversion per event: the operation and the settling after it happen at the same instant.
            var at = _time.At(now);
            var changed = Handle(driver, ev, now, at, out var handled);
            if (!handled.IsCompletedSuccessfully)
            {
                return RunLoopContinuations.FinishStepAsync(this, driver, handled, changed, now, at);
            }

            handled.GetAwaiter().GetResult();
            if (changed)
            {
                var settled = SettleAsync(driver, now, at);
                if (!settled.IsCompletedSuccessfully)
                {
                    return RunLoopContinuations.ReportAfter(this, settled, now);
                }

                settled.GetAwaiter().GetResult();
            }

            ReportProgress(now);
        }

        return new ValueTask<bool>(true);
    }

    /// <summary>Each time another hundredth of the horizon has passed: progress to the caller, and a check for cancellation.</summary>
    internal void ReportProgress(double now)
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
                _calendar.ScheduleArrival(_customers.NextArrival(now));
                pending = ArriveAsync(driver, now, at);
                return true;
            case EventKind.ServiceEnd:
                pending = EndServiceAsync(driver, _tickets[ev.Ticket], now, at);
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
                var waiting = _tickets[ev.Ticket];

                // A different generation: the customer was served, and the ticket closed and reused.
                if (waiting.Generation != ev.Arg || waiting.State != TicketState.Waiting || waiting.Responded)
                {
                    return false;
                }

                var abandoned = driver.Abandon(waiting, at);
                if (!abandoned.IsCompletedSuccessfully)
                {
                    pending = RunLoopContinuations.AbandonedAsync(this, abandoned, waiting, now);
                    return true;
                }

                abandoned.GetAwaiter().GetResult();
                Abandoned(waiting, now);
                return true;
            case EventKind.Reopen:
                pending = ReopenAsync(driver, _tickets[ev.Ticket], now, at);
                return true;
            case EventKind.Presence:
                return _roster.ChangePresence(driver, _agents[ev.Arg], ev.Presence, now, at, out pending);
            case EventKind.DayStart:
                _roster.ScheduleDay(ev.Arg, now);
                return false;
            case EventKind.IntervalEnd:
                _recorder.SnapshotBacklog(now);
                _calendar.Schedule(now + _intervalMinutes, new SimEvent(EventKind.IntervalEnd));
                return false;
            default:
                throw new InvalidOperationException($"unknown event {ev.Kind}");
        }
    }

    internal void Abandoned(SimTicket ticket, double now)
    {
        ticket.State = TicketState.Done;
        _tickets.LeftDesk();
        _metrics.Abandoned(ticket, now);
        Close(ticket, "abandoned", now);
    }

    /// <summary>
    /// The desk is full (its maxOpenTickets reached): the customer is turned away, as the desk would
    /// refuse the submit, and the run goes on. Out of line: only an overloaded desk gets here.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Refused(SimTicket ticket, double now)
    {
        ticket.State = TicketState.Done;
        _metrics.Refused(ticket);
        Close(ticket, "refused", now);
    }

    private ValueTask ArriveAsync(IDeskDriver driver, double now, DateTimeOffset at)
    {
        var cls = _customers.DrawClass();
        var ticket = _tickets.Open(_customers.Class(cls), cls, now, now >= _warmUp);

        // Every random attribute of a ticket is drawn on arrival, in a fixed order, so two policies
        // compared on the same seed see exactly the same customers.
        _customers.DrawAttributes(ticket);
        _metrics.Arrived(ticket, now);
        if (_tickets.DeskFull)
        {
            Refused(ticket, now);
            return default;
        }

        _tickets.JoinedDesk();
        var placement = driver.Submit(ticket, at);
        if (!placement.IsCompletedSuccessfully)
        {
            return RunLoopContinuations.SubmittedAsync(this, placement, ticket, now);
        }

        Submitted(ticket, placement.Result, now);
        return default;
    }

    internal void Submitted(SimTicket ticket, int tier, double now)
    {
        Queue(ticket, tier, now);
        if (ticket.Patience < Never)
        {
            _calendar.Schedule(now + ticket.Patience, new SimEvent(EventKind.Abandon, ticket.Index, ticket.Generation));
        }
    }

    private ValueTask EndServiceAsync(IDeskDriver driver, SimTicket ticket, double now, DateTimeOffset at)
    {
        var agent = _agents[ticket.AgentIndex];
        var tier = ticket.Tier;
        _metrics.ServiceEnded(ticket, agent, now);
        if (_customers.Resolves(ticket, tier))
        {
            var resolved = driver.Resolve(ticket, agent.Index, at);
            if (!resolved.IsCompletedSuccessfully)
            {
                return RunLoopContinuations.ResolvedAsync(this, resolved, ticket, now);
            }

            resolved.GetAwaiter().GetResult();
            Resolved(ticket, now);
            return default;
        }

        var placement = driver.Escalate(ticket, agent.Index, _customers.NotResolvedReason(tier), at);
        if (!placement.IsCompletedSuccessfully)
        {
            return RunLoopContinuations.EscalatedAsync(this, placement, ticket, tier, now);
        }

        Escalated(ticket, tier, placement.Result, now);
        return default;
    }

    internal void Resolved(SimTicket ticket, double now)
    {
        ticket.State = TicketState.Done;
        ticket.AgentIndex = -1;
        _tickets.LeftDesk();
        var reopen = ticket.Class.Reopen;
        var reopens = reopen is not null && ticket.ReopenDraw < reopen.Probability;
        _metrics.Resolved(ticket, now);
        if (reopens)
        {
            _recorder.Reopens(ticket);
            _calendar.Schedule(now + ticket.ReopenDelay, new SimEvent(EventKind.Reopen, ticket.Index));
        }
        else
        {
            Close(ticket, "resolved", now);
        }
    }

    internal void Escalated(SimTicket ticket, int fromTier, int toTier, double now)
    {
        ticket.AgentIndex = -1;
        _metrics.Escalated(ticket, fromTier, now);
        Queue(ticket, toTier, now);
    }

    private ValueTask ReopenAsync(IDeskDriver driver, SimTicket ticket, double now, DateTimeOffset at)
    {
        _customers.DrawAttributes(ticket);
        ticket.Reopened = true;
        if (_tickets.DeskFull)
        {
            Refused(ticket, now);
            return default;
        }

        _tickets.JoinedDesk();
        var placement = driver.Reopen(ticket, at);
        if (!placement.IsCompletedSuccessfully)
        {
            return RunLoopContinuations.ReopenedAsync(this, placement, ticket, now);
        }

        Queue(ticket, placement.Result, now);
        return default;
    }

    internal ValueTask SettleAsync(IDeskDriver driver, double now, DateTimeOffset settleAt)
    {
        _journal.Clear();
        var deadline = driver.Settle(settleAt, _journal);
        if (!deadline.IsCompletedSuccessfully)
        {
            return RunLoopContinuations.SettledAsync(this, deadline, settleAt, now);
        }

        Settled(deadline.Result, settleAt, now);
        return default;
    }

    internal void Settled(long deadlineTicks, DateTimeOffset settleAt, double now)
    {
        _nextDeadline = deadlineTicks == long.MaxValue ? Never : _time.Minutes(deadlineTicks);
        foreach (ref readonly var entry in CollectionsMarshal.AsSpan(_journal))
        {
            var ticket = (SimTicket)entry.Ticket;
            // Keep the exact virtual time when the desk acted now: a round trip through ticks would
            // turn a zero wait into a few nanoseconds.
            var at = entry.At == settleAt ? now : _time.Minutes(entry.At);
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
            if (ticket.Path is not null)
            {
                OutcomeRecorder.PathAssigned(ticket, agent, at);
            }

            _metrics.Assigned(ticket, agent, at);
            ticket.Responded = true;
            _calendar.Schedule(at + ticket.Handling[ticket.Tier], new SimEvent(EventKind.ServiceEnd, ticket.Index));
        }
    }

    internal void Queue(SimTicket ticket, int tier, double now)
    {
        ticket.Tier = tier;
        ticket.QueuedAt = now;
        ticket.State = TicketState.Waiting;
        if (ticket.Path is not null)
        {
            _recorder.PathQueued(ticket, now);
        }

        _metrics.Queued(ticket, now);
    }

    private void Close(SimTicket ticket, string ending, double now)
    {
        _recorder.Closed(ticket, ending, now);
        _tickets.Close(ticket);
    }
}
