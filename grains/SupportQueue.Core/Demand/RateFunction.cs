namespace SupportQueue.Core.Demand;

/// <summary>
/// Arrival rate λ(t) in tickets per minute, piecewise constant per wall-clock interval, over
/// virtual time t = minutes since <see cref="Start"/> in [0, <see cref="HorizonMinutes"/>).
/// Segments follow wall-clock interval boundaries, so a start that is not on a boundary gives a
/// shorter first segment. Everything is precomputed; queries allocate nothing.
/// </summary>
public sealed class RateFunction
{
    private readonly double[] _rate;
    private readonly double[] _cumulative;
    private readonly double _intervalMinutes;
    private readonly double _startOffset;
    private readonly long _firstInterval;

    public RateFunction(DemandProfile profile, DateTime start, double horizonMinutes)
        : this(start, horizonMinutes, CheckedInterval(profile), ProfileRate(profile))
    {
    }

    /// <summary>
    /// λ per wall-clock interval of <paramref name="intervalMinutes"/> (aligned to midnight) from
    /// <paramref name="ratePerMinute"/>, given each interval's wall-clock start: e.g. volumes per
    /// interval from history or a forecast (<see cref="VolumeSeries"/>).
    /// </summary>
    public RateFunction(DateTime start, double horizonMinutes, int intervalMinutes, Func<DateTime, double> ratePerMinute)
    {
        ArgumentNullException.ThrowIfNull(ratePerMinute);
        if (!double.IsFinite(horizonMinutes) || horizonMinutes <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(horizonMinutes), horizonMinutes, "must be finite and > 0");
        }

        if (intervalMinutes <= 0 || 1440 % intervalMinutes != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(intervalMinutes), intervalMinutes, "must be > 0 and divide 1440");
        }

        Start = start;
        HorizonMinutes = horizonMinutes;
        _intervalMinutes = intervalMinutes;
        _startOffset = start.TimeOfDay.TotalMinutes;
        _firstInterval = (long)Math.Floor(_startOffset / _intervalMinutes);
        var lastInterval = (long)Math.Ceiling((_startOffset + horizonMinutes) / _intervalMinutes);
        var count = checked((int)(lastInterval - _firstInterval));

        _rate = new double[count];
        _cumulative = new double[count + 1];
        for (var i = 0; i < count; i++)
        {
            var rate = ratePerMinute(start.Date.AddMinutes((_firstInterval + i) * _intervalMinutes));
            if (!double.IsFinite(rate) || rate < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(ratePerMinute), rate, $"rate of segment {i} must be finite and ≥ 0");
            }

            _rate[i] = rate;
            _cumulative[i + 1] = _cumulative[i] + _rate[i] * (SegmentEnd(i) - SegmentStart(i));
        }
    }

    /// <summary>Wall-clock time of virtual minute 0.</summary>
    public DateTime Start { get; }

    /// <summary>End of the demand window in virtual minutes; no arrivals at or after it.</summary>
    public double HorizonMinutes { get; }

    /// <summary>Number of (possibly partial) interval segments in [0, horizon).</summary>
    public int SegmentCount => _rate.Length;

    /// <summary>Expected number of arrivals in [0, horizon).</summary>
    public double TotalExpected => _cumulative[^1];

    /// <summary>λ(t) in tickets per minute; 0 outside [0, horizon).</summary>
    public double Rate(double minutes) =>
        minutes >= 0 && minutes < HorizonMinutes ? _rate[SegmentIndex(minutes)] : 0.0;

    /// <summary>Λ(t) = ∫₀ᵗ λ(s) ds, the expected number of arrivals before <paramref name="minutes"/>.</summary>
    public double Cumulative(double minutes)
    {
        if (minutes <= 0)
        {
            return 0.0;
        }

        if (minutes >= HorizonMinutes)
        {
            return _cumulative[^1];
        }

        var i = SegmentIndex(minutes);
        return _cumulative[i] + _rate[i] * (minutes - SegmentStart(i));
    }

    /// <summary>Expected arrivals in [<paramref name="fromMinutes"/>, <paramref name="toMinutes"/>).</summary>
    public double ExpectedCount(double fromMinutes, double toMinutes) => Cumulative(toMinutes) - Cumulative(fromMinutes);

    /// <summary>Segment containing virtual time <paramref name="minutes"/> (clamped to the horizon).</summary>
    public int SegmentIndex(double minutes)
    {
        var index = (long)Math.Floor((minutes + _startOffset) / _intervalMinutes) - _firstInterval;
        return (int)Math.Clamp(index, 0, _rate.Length - 1);
    }

    /// <summary>Start of segment <paramref name="index"/> in virtual minutes.</summary>
    public double SegmentStart(int index) =>
        index == 0 ? 0.0 : (_firstInterval + index) * _intervalMinutes - _startOffset;

    /// <summary>End of segment <paramref name="index"/> in virtual minutes.</summary>
    public double SegmentEnd(int index) =>
        index == _rate.Length - 1 ? HorizonMinutes : (_firstInterval + index + 1) * _intervalMinutes - _startOffset;

    /// <summary>λ in tickets per minute throughout segment <paramref name="index"/>.</summary>
    public double SegmentRate(int index) => _rate[index];

    /// <summary>Wall-clock time of a virtual instant (for reporting; the hot path stays in minutes).</summary>
    public DateTime ToDateTime(double minutes) => Start.AddMinutes(minutes);

    /// <summary>Virtual minutes of a wall-clock instant.</summary>
    public double ToMinutes(DateTime time) => (time - Start).TotalMinutes;

    private static int CheckedInterval(DemandProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var errors = profile.Validate("$");
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid demand profile: " + string.Join("; ", errors), nameof(profile));
        }

        return profile.IntervalMinutes;
    }

    private static Func<DateTime, double> ProfileRate(DemandProfile profile)
    {
        var perDay = profile.IntervalsPerDay;
        var intraday = ExpandIntraday(profile.Intraday, perDay);
        var baseRate = profile.BaseVolume!.Value / profile.IntervalMinutes;
        return intervalStart =>
        {
            var slot = (int)(intervalStart.TimeOfDay.Ticks / TimeSpan.FromMinutes(profile.IntervalMinutes).Ticks);
            return baseRate * intraday[slot] * DayFactor(profile, DateOnly.FromDateTime(intervalStart)) * EventFactor(profile, intervalStart);
        };
    }

    private static double[] ExpandIntraday(IReadOnlyList<double>? weights, int perDay)
    {
        var expanded = new double[perDay];
        if (weights is null)
        {
            Array.Fill(expanded, 1.0);
            return expanded;
        }

        var mean = weights.Sum() / weights.Count;
        var stretch = perDay / weights.Count;
        for (var slot = 0; slot < perDay; slot++)
        {
            expanded[slot] = weights[slot / stretch] / mean;
        }

        return expanded;
    }

    private static double DayFactor(DemandProfile profile, DateOnly date)
    {
        var factor = 1.0;
        if (profile.DayOfWeek is { } dayOfWeek)
        {
            factor = dayOfWeek[((int)date.DayOfWeek + 6) % 7];
        }

        if (profile.Seasons is { } seasons)
        {
            foreach (var season in seasons)
            {
                if (date >= season.From && date <= season.To)
                {
                    factor *= season.Factor;
                }
            }
        }

        return factor;
    }

    private static double EventFactor(DemandProfile profile, DateTime intervalStart)
    {
        var factor = 1.0;
        if (profile.Events is { } events)
        {
            foreach (var demandEvent in events)
            {
                if (intervalStart >= demandEvent.From && intervalStart < demandEvent.To)
                {
                    factor *= demandEvent.Factor;
                }
            }
        }

        return factor;
    }
}
