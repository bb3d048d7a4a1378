using System.Collections.Immutable;
using SupportQueue.Core.Model;
using SupportQueue.Core.Statistics;

namespace SupportQueue.Core.Simulation;

/// <summary>
/// Counts one replication. Queue outcomes (answered, abandoned, wait) belong to the interval in
/// which the ticket joined that queue, the usual contact-centre convention; staffed and busy time
/// are split across the intervals they span. Tickets arriving during warm-up are not counted, nor
/// staffed and busy time before the warm-up ends.
/// </summary>
internal sealed class Metrics
{
    private readonly Scenario _scenario;
    private readonly int _tiers;
    private readonly int _intervals;
    private readonly double _intervalMinutes;
    private readonly double _inverseIntervalMinutes;
    private readonly double[] _tierThreshold;

    // Read on every ticket: kept here rather than recomputed from the scenario's TimeSpans each time.
    private readonly double _horizon;
    private readonly double _warmUp;
    private readonly double _slThreshold;
    private readonly Priority? _slPriority;
    private readonly double[] _firstResponseTarget = new double[5];
    private readonly double[] _resolutionTarget = new double[5];
    private readonly long[][] _offered, _answered, _within, _abandoned, _escalatedOut, _backlog, _handled;
    private readonly double[][] _wait, _staffed, _busy, _handle;
    private readonly long[][] _pArrivals, _pFrMet, _pFrMissed, _pResMet, _pResMissed, _pAbandoned, _pRefused;
    private readonly LogHistogram[] _waits;
    private readonly LogHistogram[] _resolutions;
    private readonly long[] _zeroWaits;
    private readonly double[] _abandonedWait;
    private readonly int[] _waiting;
    private long _slWithin, _slTotal, _arrivals, _resolved, _abandonedTotal, _escalations;

    public Metrics(Scenario scenario, int tiers)
    {
        _scenario = scenario;
        _tiers = tiers;
        _intervals = scenario.IntervalCount;
        _intervalMinutes = scenario.IntervalMinutes;
        _inverseIntervalMinutes = 1.0 / _intervalMinutes;
        // Each tier is judged against its own threshold (serviceLevel.tiers), defaulting to the desk-wide one.
        _tierThreshold = new double[tiers];
        for (var t = 0; t < tiers; t++)
        {
            _tierThreshold[t] = scenario.TierObjective(t).Threshold.TotalMinutes;
        }

        _horizon = scenario.HorizonMinutes;
        _warmUp = scenario.WarmUp.TotalMinutes;
        _slThreshold = scenario.ServiceLevel.Threshold.TotalMinutes;
        _slPriority = scenario.ServiceLevel.Priority;
        foreach (var p in Enum.GetValues<Priority>())
        {
            var sla = scenario.Desk.SlaFor(p);
            _firstResponseTarget[(int)p] = (sla?.FirstResponse ?? scenario.ServiceLevel.Threshold).TotalMinutes;
            _resolutionTarget[(int)p] = sla?.Resolution?.TotalMinutes ?? double.PositiveInfinity;
        }

        long[][] L(int rows) => Enumerable.Range(0, rows).Select(_ => new long[_intervals]).ToArray();
        double[][] D(int rows) => Enumerable.Range(0, rows).Select(_ => new double[_intervals]).ToArray();
        _offered = L(tiers);
        _answered = L(tiers);
        _within = L(tiers);
        _abandoned = L(tiers);
        _escalatedOut = L(tiers);
        _backlog = L(tiers);
        _handled = L(tiers);
        _wait = D(tiers);
        _staffed = D(tiers);
        _busy = D(tiers);
        _handle = D(tiers);
        _pArrivals = L(5);
        _pFrMet = L(5);
        _pFrMissed = L(5);
        _pResMet = L(5);
        _pResMissed = L(5);
        _pAbandoned = L(5);
        _pRefused = L(5);
        // Quantiles within 0.4% relative error in constant memory, instead of keeping and sorting
        // every wait of a long run. Times are minutes; below 0.0001 minute counts as no wait.
        _waits = Enumerable.Range(0, tiers).Select(_ => new LogHistogram(1e-4, 1e7)).ToArray();
        _resolutions = Enumerable.Range(0, 5).Select(_ => new LogHistogram(1e-4, 1e7)).ToArray();
        _zeroWaits = new long[tiers];
        _abandonedWait = new double[tiers];
        _waiting = new int[tiers];
    }

    /// <summary>
    /// The interval holding <paramref name="minutes"/>: ⌊minutes / interval length⌋, clamped. A
    /// multiplication by the inverse gives the same whole part unless the quotient is within 1e-9 of
    /// a whole number; only then is the division done, so the result is exactly the division's.
    /// </summary>
    private int Interval(double minutes)
    {
        var x = minutes * _inverseIntervalMinutes;
        var i = (int)x;
        var fraction = x - i;
        if (!(fraction > 1e-9 && fraction < 1 - 1e-9))
        {
            i = (int)(minutes / _intervalMinutes);
        }

        return Math.Clamp(i, 0, _intervals - 1);
    }

    private bool CountsForSl(SimTicket t) => _slPriority is not { } p || p == t.Priority;

    public void Arrived(SimTicket t, double now)
    {
        if (!t.Counted)
        {
            return;
        }

        // Every later count by creation time uses this interval: found once per ticket.
        var i = Interval(now);
        t.CreatedInterval = i;
        _arrivals++;
        _pArrivals[(int)t.Priority][i]++;
    }

    /// <summary>The ticket joined the queue of its tier at <paramref name="now"/> (its <see cref="SimTicket.QueuedAt"/>).</summary>
    public void Queued(SimTicket t, double now)
    {
        _waiting[t.Tier]++;
        if (t.Counted)
        {
            var i = Interval(now);
            t.QueuedInterval = i;
            _offered[t.Tier][i]++;
        }
    }

    public void Assigned(SimTicket t, SimAgent agent, double at)
    {
        ChangeLoad(agent, +1, at);
        _waiting[t.Tier]--;
        if (!t.Counted)
        {
            return;
        }

        var wait = at - t.QueuedAt;
        var i = t.QueuedInterval;
        _answered[t.Tier][i]++;
        _wait[t.Tier][i] += wait;
        _waits[t.Tier].Record(wait);
        if (wait <= 0)
        {
            _zeroWaits[t.Tier]++;
        }

        if (wait <= _tierThreshold[t.Tier])
        {
            _within[t.Tier][i]++;
        }

        if (!t.Responded && !t.Reopened)
        {
            var response = at - t.Created;
            var p = (int)t.Priority;
            if (response <= _firstResponseTarget[p])
            {
                _pFrMet[p][t.CreatedInterval]++;
            }
            else
            {
                _pFrMissed[p][t.CreatedInterval]++;
            }

            if (CountsForSl(t))
            {
                _slTotal++;
                if (response <= _slThreshold)
                {
                    _slWithin++;
                }
            }
        }
    }

    /// <summary>
    /// The desk was full and turned the ticket away (a new or a returning customer). By the
    /// ticket's arrival interval, like every count per priority.
    /// </summary>
    public void Refused(SimTicket t)
    {
        if (t.Counted)
        {
            _pRefused[(int)t.Priority][t.CreatedInterval]++;
        }
    }

    public void Abandoned(SimTicket t, double now)
    {
        _waiting[t.Tier]--;
        if (!t.Counted)
        {
            return;
        }

        _abandonedTotal++;
        _abandoned[t.Tier][t.QueuedInterval]++;
        _abandonedWait[t.Tier] += now - t.QueuedAt;
        var p = (int)t.Priority;
        _pAbandoned[p][t.CreatedInterval]++;
        _pFrMissed[p][t.CreatedInterval]++;
        if (CountsForSl(t))
        {
            _slTotal++;
        }
    }

    public void Escalated(SimTicket t, int fromTier, double now)
    {
        if (t.State == TicketState.Waiting)
        {
            _waiting[fromTier]--;
        }

        if (t.Counted)
        {
            _escalations++;
            _escalatedOut[fromTier][Interval(now)]++;
        }
    }

    public void ServiceEnded(SimTicket t, SimAgent agent, double now, bool finished = true)
    {
        AddSpan(_busy[agent.Tier], t.AssignedAt, now, 1);
        ChangeLoad(agent, -1, now);
        if (finished && t.Counted)
        {
            var i = Interval(now);
            _handle[t.Tier][i] += now - t.AssignedAt;
            _handled[t.Tier][i]++;
        }
    }

    public void Resolved(SimTicket t, double now)
    {
        if (!t.Counted)
        {
            return;
        }

        _resolved++;
        var p = (int)t.Priority;
        var time = now - t.Created;
        _resolutions[p].Record(time);
        if (time <= _resolutionTarget[p])
        {
            _pResMet[p][t.CreatedInterval]++;
        }
        else
        {
            _pResMissed[p][t.CreatedInterval]++;
        }
    }

    public void PresenceChanged(SimAgent agent, Presence presence, double now)
    {
        CloseStaffedSpan(agent, now);
        agent.Presence = presence;
    }

    /// <summary>
    /// Staffed time is capacity while available, plus the slots still busy after the agent went
    /// on a break or off shift (finishing work in hand), so busy time never exceeds staffed time.
    /// While the agent is available the weight is its capacity whatever its load, so the span stays
    /// open across load changes and is split into intervals once, when the presence changes.
    /// </summary>
    private void ChangeLoad(SimAgent agent, int delta, double now)
    {
        if (agent.Presence != Presence.Available)
        {
            CloseStaffedSpan(agent, now);
        }

        agent.Load += delta;
    }

    private void CloseStaffedSpan(SimAgent agent, double now)
    {
        var weight = agent.Presence == Presence.Available ? agent.Capacity : agent.Load;
        if (weight > 0)
        {
            AddSpan(_staffed[agent.Tier], agent.PresenceSince, now, weight);
        }

        agent.PresenceSince = now;
    }

    public void SnapshotBacklog(double now)
    {
        var i = Interval(now - 1e-9);
        for (var t = 0; t < _tiers; t++)
        {
            _backlog[t][i] = _waiting[t];
        }
    }

    /// <summary>
    /// Adds staffed or busy time, clipped to the counted window: like the tickets, time before the
    /// warm-up ends is not counted, so an empty start does not pull occupancy down.
    /// </summary>
    private void AddSpan(double[] buckets, double from, double to, double weight)
    {
        var horizon = _horizon;
        from = Math.Max(_warmUp, from);
        to = Math.Min(horizon, to);
        while (from < to)
        {
            var i = Interval(from);
            var end = Math.Min(to, (i + 1) * _intervalMinutes);
            if (end <= from)
            {
                break;
            }

            buckets[i] += (end - from) * weight;
            from = end;
        }
    }

    public ReplicationResult Build(int replication, DeskSettings desk, ImmutableArray<TicketOutcome> outcomes, long events, ImmutableArray<double> expected)
    {
        var tiers = ImmutableArray.CreateBuilder<TierSeries>(_tiers);
        var totals = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["arrivals"] = _arrivals,
            ["resolved"] = _resolved,
            ["abandoned"] = _abandonedTotal,
            ["escalations"] = _escalations,
            ["abandonRate"] = Ratio(_abandonedTotal, _arrivals),
            ["escalationRate"] = Ratio(_escalations, _arrivals),
            ["serviceLevel"] = Ratio(_slWithin, _slTotal),
        };

        for (var t = 0; t < _tiers; t++)
        {
            var name = desk.Tiers[t].Name;
            tiers.Add(new TierSeries(
                name,
                [.. _offered[t]], [.. _answered[t]], [.. _within[t]], [.. _abandoned[t]], [.. _wait[t]], [.. _escalatedOut[t]],
                [.. _staffed[t]], [.. _busy[t]], [.. _backlog[t]], [.. _handle[t]], [.. _handled[t]]));
            var answered = _answered[t].Sum();
            var abandoned = _abandoned[t].Sum();
            var waits = _waits[t];
            totals[$"{name}.offered"] = _offered[t].Sum();
            totals[$"{name}.answered"] = answered;
            totals[$"{name}.abandoned"] = abandoned;
            totals[$"{name}.serviceLevel"] = Ratio(_within[t].Sum(), answered + abandoned);
            totals[$"{name}.probabilityOfWait"] = waits.Count == 0 ? double.NaN : Ratio(waits.Count - _zeroWaits[t], waits.Count);
            totals[$"{name}.asaMinutes"] = answered == 0 ? double.NaN : _wait[t].Sum() / answered;

            // Erlang A's ASA: every arrival's time in queue, the abandoned ones' until they left.
            totals[$"{name}.asaAllArrivalsMinutes"] = Ratio(_wait[t].Sum() + _abandonedWait[t], answered + abandoned);
            totals[$"{name}.waitP50Minutes"] = Quantile(waits, 0.50);
            totals[$"{name}.waitP90Minutes"] = Quantile(waits, 0.90);
            totals[$"{name}.waitP95Minutes"] = Quantile(waits, 0.95);
            totals[$"{name}.waitP99Minutes"] = Quantile(waits, 0.99);
            totals[$"{name}.occupancy"] = Ratio(_busy[t].Sum(), _staffed[t].Sum());
            totals[$"{name}.escalationRate"] = Ratio(_escalatedOut[t].Sum(), answered);
            totals[$"{name}.ahtMinutes"] = _handled[t].Sum() == 0 ? double.NaN : _handle[t].Sum() / _handled[t].Sum();
        }

        var priorities = ImmutableArray.CreateBuilder<PrioritySeries>(4);
        foreach (var p in Enum.GetValues<Priority>())
        {
            var i = (int)p;
            priorities.Add(new PrioritySeries(p, [.. _pArrivals[i]], [.. _pFrMet[i]], [.. _pFrMissed[i]], [.. _pResMet[i]], [.. _pResMissed[i]], [.. _pAbandoned[i]], [.. _pRefused[i]]));
            if (_pArrivals[i].Sum() == 0)
            {
                continue;
            }

            var resolutions = _resolutions[i];
            totals[$"{p}.arrivals"] = _pArrivals[i].Sum();
            totals[$"{p}.firstResponseAttainment"] = Ratio(_pFrMet[i].Sum(), _pFrMet[i].Sum() + _pFrMissed[i].Sum());
            totals[$"{p}.resolutionAttainment"] = Ratio(_pResMet[i].Sum(), _pResMet[i].Sum() + _pResMissed[i].Sum());
            totals[$"{p}.resolutionP50Minutes"] = Quantile(resolutions, 0.50);
            totals[$"{p}.resolutionP90Minutes"] = Quantile(resolutions, 0.90);
            totals[$"{p}.abandonRate"] = Ratio(_pAbandoned[i].Sum(), _pArrivals[i].Sum());
        }

        return new ReplicationResult(replication, (int)_intervalMinutes, tiers.MoveToImmutable(), priorities.MoveToImmutable(),
            new ReplicationTotals(totals.ToImmutableDictionary(StringComparer.Ordinal)), outcomes, events, expected);
    }

    private static double Quantile(LogHistogram histogram, double p) => histogram.Count == 0 ? double.NaN : histogram.Quantile(p);

    private static double Ratio(double a, double b) => b == 0 ? double.NaN : a / b;
}
