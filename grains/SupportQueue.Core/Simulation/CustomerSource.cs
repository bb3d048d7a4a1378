using System.Runtime.CompilerServices;
using SupportQueue.Core.Demand;
using SupportQueue.Core.Randomness;

namespace SupportQueue.Core.Simulation;

/// <summary>
/// Where a run's customers come from: arrival times, each customer's class and every random
/// attribute of its ticket (handling per tier, resolve draws, patience, reopening). Each quantity
/// has its own seeded stream, and a ticket's attributes are drawn on arrival in a fixed order, so
/// two policies compared on the same seed see exactly the same customers.
/// </summary>
internal sealed class CustomerSource
{
    private readonly TicketClassSpec[] _classes;
    private readonly int _tiers;
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
    private readonly ArrivalGenerator _arrivals;

    /// <summary>A recorded trace in place of the arrival generator; null in a normal run.</summary>
    private readonly ReplayCustomers? _replay;

    /// <summary>Per-interval class shares from a volume CSV; null when the classes' fixed shares apply.</summary>
    private readonly VolumeClassMix? _volumeMix;
    private readonly int _scenarioClasses;
    private double _lastArrival;

    public CustomerSource(Scenario scenario, int replication)
    {
        var desk = scenario.Desk;
        _replay = scenario.Arrivals.IsDefault ? null : new ReplayCustomers(scenario);
        _volumeMix = _replay is null ? VolumeClassMix.Of(scenario) : null;
        _scenarioClasses = scenario.TicketClasses.Length;

        // A replay's class variants follow the scenario's classes and share their distributions.
        _classes = [.. scenario.TicketClasses, .. _replay?.Variants ?? []];
        _tiers = desk.TierCount;
        _notResolvedReason = [.. desk.Tiers.Select(t => $"not resolved at {t.Name}")];
        _resolveProbability = [.. _classes.Select(c => desk.Tiers.Select(t => c.ResolveAt(t.Name)).ToArray())];
        _handling = new ISampler?[_classes.Length][];
        _patience = new ISampler?[_classes.Length];
        _reopenDelay = new ISampler?[_classes.Length];
        _classCumulative = new double[_classes.Length];
        var total = scenario.TicketClasses.Sum(c => c.Share);
        var running = 0.0;
        for (var c = 0; c < _classes.Length; c++)
        {
            var tc = _classes[c];
            _handling[c] = new ISampler?[_tiers];
            for (var t = 0; t < _tiers; t++)
            {
                _handling[c][t] = tc.HandlingAt(desk.Tiers[t].Name)?.CreateSampler();
            }

            _patience[c] = tc.Patience?.CreateSampler();
            _reopenDelay[c] = tc.Reopen?.Delay.CreateSampler();
            running += tc.Share / total;
            _classCumulative[c] = running;
        }

        _classCumulative[scenario.TicketClasses.Length - 1] = 1.0;
        var seed = scenario.Seed;
        _classStream = RandomStream.Create(seed, StreamId.TicketClass, replication);
        _handlingStream = RandomStream.Create(seed, StreamId.Handling, replication);
        _patienceStream = RandomStream.Create(seed, StreamId.Patience, replication);
        _escalationStream = RandomStream.Create(seed, StreamId.Escalation, replication);
        _reopenStream = RandomStream.Create(seed, StreamId.Reopen, replication);
        Rate = ScenarioDemand.Rate(scenario);
        _arrivals = new ArrivalGenerator(Rate, RandomStream.Create(seed, StreamId.Arrivals, replication));
    }

    /// <summary>The arrival rate over the run, for the expected counts in the results.</summary>
    public RateFunction Rate { get; }

    /// <summary>The first arrival after <paramref name="now"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextArrival(double now)
    {
        // The loop asks for the next arrival as the current customer arrives: remember when, for its class.
        _lastArrival = now;
        return _replay is null ? _arrivals.NextArrival(now) : _replay.NextArrival();
    }

    /// <summary>Draws the class of a new customer (an index into the scenario's ticket classes).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int DrawClass()
    {
        var u = _classStream.NextDouble();
        if (_replay is not null)
        {
            return _scenarioClasses + _replay.NextVariant();
        }

        if (_volumeMix is not null && _volumeMix.Draw(_lastArrival, u) is var mixed and >= 0)
        {
            return mixed;
        }

        var cls = 0;
        while (u >= _classCumulative[cls])
        {
            cls++;
        }

        return cls;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TicketClassSpec Class(int index) => _classes[index];

    /// <summary>Draws every random attribute of <paramref name="ticket"/>'s (next) stay at the desk.</summary>
    public void DrawAttributes(SimTicket ticket)
    {
        var cls = ticket.ClassIndex;
        for (var t = 0; t < _tiers; t++)
        {
            var sampler = _handling[cls][t];
            ticket.Handling[t] = sampler is null ? 0 : Math.Max(0, sampler.Sample(_handlingStream));
            ticket.ResolveDraw[t] = _escalationStream.NextDouble();
        }

        ticket.Patience = _patience[cls] is { } patience ? Math.Max(0, patience.Sample(_patienceStream)) : RunCalendar.Never;
        ticket.ReopenDraw = _reopenStream.NextDouble();
        ticket.ReopenDelay = _reopenDelay[cls] is { } delay ? Math.Max(0, delay.Sample(_reopenStream)) : 0;
        _replay?.Apply(ticket);
    }

    /// <summary>Whether service at <paramref name="tier"/> resolves the ticket (the last tier always does).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Resolves(SimTicket ticket, int tier) =>
        tier == _tiers - 1 || ticket.ResolveDraw[tier] < _resolveProbability[ticket.ClassIndex][tier];

    /// <summary>The reason an escalation from <paramref name="tier"/> gives the desk.</summary>
    public string NotResolvedReason(int tier) => _notResolvedReason[tier];
}
