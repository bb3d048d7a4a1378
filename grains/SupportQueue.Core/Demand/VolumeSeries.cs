namespace SupportQueue.Core.Demand;

/// <summary>
/// Ticket volumes per interval — history or a forecast — as plain data: <see cref="Count"/>
/// consecutive intervals of <see cref="IntervalMinutes"/> from <see cref="Start"/>, each with a
/// volume per ticket class (<see cref="Classes"/>; a single unnamed total when the source had no
/// class column). Turned into arrivals as a non-homogeneous Poisson process whose rate is constant
/// within each interval and whose expected count there is the interval's volume.
/// </summary>
/// <remarks>
/// Intended hook (not wired yet; the scenario JSON is being reworked): a scenario's demand section
/// names a volume CSV instead of (or beside) baseVolume/intraday; the client reads the file and
/// parses it with <see cref="VolumeCsv"/>, checking class names against the scenario's ticket
/// classes; the simulation builds its arrival rate from <see cref="ToRateFunction(DateTime, double)"/>
/// instead of <c>new RateFunction(scenario.Demand, …)</c>, and when <see cref="Classes"/> is
/// non-empty draws each arrival's class from <see cref="ClassShares"/> of its interval instead of
/// the classes' fixed shares.
/// </remarks>
public sealed class VolumeSeries
{
    private readonly double[,] _volumes;
    private readonly double[] _totals;
    private readonly string[] _classes;

    /// <param name="start">Start of the first interval; on an <paramref name="intervalMinutes"/> boundary of its day.</param>
    /// <param name="intervalMinutes">Interval length; divides a day.</param>
    /// <param name="classes">Class names, one per column of <paramref name="volumes"/>; empty for totals only (one column).</param>
    /// <param name="volumes">[interval, class] expected tickets, finite and ≥ 0.</param>
    public VolumeSeries(DateTime start, int intervalMinutes, IReadOnlyList<string> classes, double[,] volumes)
    {
        ArgumentNullException.ThrowIfNull(classes);
        ArgumentNullException.ThrowIfNull(volumes);
        if (intervalMinutes <= 0 || 1440 % intervalMinutes != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(intervalMinutes), intervalMinutes, "must be > 0 and divide 1440");
        }

        if (start.TimeOfDay.Ticks % TimeSpan.FromMinutes(intervalMinutes).Ticks != 0)
        {
            throw new ArgumentException($"start {start:yyyy-MM-dd'T'HH:mm:ss} is not on a {intervalMinutes}-minute boundary", nameof(start));
        }

        if (volumes.GetLength(0) == 0 || volumes.GetLength(1) != Math.Max(1, classes.Count))
        {
            throw new ArgumentException("need at least one interval and one column per class (one column without classes)", nameof(volumes));
        }

        Start = start;
        IntervalMinutes = intervalMinutes;
        _classes = [.. classes];
        _volumes = (double[,])volumes.Clone();
        _totals = new double[volumes.GetLength(0)];
        for (var t = 0; t < _totals.Length; t++)
        {
            for (var c = 0; c < volumes.GetLength(1); c++)
            {
                var v = volumes[t, c];
                if (!double.IsFinite(v) || v < 0)
                {
                    throw new ArgumentOutOfRangeException(nameof(volumes), v, $"volume [{t}, {c}] must be finite and ≥ 0");
                }

                _totals[t] += v;
            }
        }
    }

    public DateTime Start { get; }

    public int IntervalMinutes { get; }

    public int Count => _totals.Length;

    /// <summary>End of the last interval.</summary>
    public DateTime End => Start.AddMinutes((double)Count * IntervalMinutes);

    /// <summary>Class names in column order; empty when volumes are totals only.</summary>
    public IReadOnlyList<string> Classes => _classes;

    /// <summary>Total volume of interval <paramref name="interval"/>, all classes.</summary>
    public double Volume(int interval) => _totals[interval];

    /// <summary>Volume of one class in interval <paramref name="interval"/>.</summary>
    public double Volume(int interval, string ticketClass) => _volumes[interval, ClassIndex(ticketClass)];

    /// <summary>Wall-clock start of interval <paramref name="interval"/>.</summary>
    public DateTime IntervalStart(int interval) => Start.AddMinutes((double)interval * IntervalMinutes);

    /// <summary>Each class's share of the interval's volume, in <see cref="Classes"/> order (all 0 for an empty interval).</summary>
    public double[] ClassShares(int interval)
    {
        var shares = new double[_classes.Length];
        var total = _totals[interval];
        for (var c = 0; c < shares.Length && total > 0; c++)
        {
            shares[c] = _volumes[interval, c] / total;
        }

        return shares;
    }

    /// <summary>λ(t) of all classes over the whole series (virtual minute 0 = <see cref="Start"/>).</summary>
    public RateFunction ToRateFunction() => ToRateFunction(Start, (double)Count * IntervalMinutes);

    /// <summary>
    /// λ(t) of all classes for a run from <paramref name="start"/> lasting
    /// <paramref name="horizonMinutes"/>, which must lie inside the series.
    /// </summary>
    public RateFunction ToRateFunction(DateTime start, double horizonMinutes) => Build(start, horizonMinutes, null);

    /// <summary>λ(t) of one class, for per-class arrival streams.</summary>
    public RateFunction ToRateFunction(DateTime start, double horizonMinutes, string ticketClass) =>
        Build(start, horizonMinutes, ClassIndex(ticketClass));

    private RateFunction Build(DateTime start, double horizonMinutes, int? column)
    {
        if (start < Start || start.AddMinutes(horizonMinutes) > End)
        {
            throw new ArgumentOutOfRangeException(
                nameof(start),
                $"{start:yyyy-MM-dd'T'HH:mm} + {horizonMinutes} min",
                $"the run must lie inside the volume series ({Start:yyyy-MM-dd'T'HH:mm} to {End:yyyy-MM-dd'T'HH:mm})");
        }

        var intervalTicks = TimeSpan.FromMinutes(IntervalMinutes).Ticks;
        return new RateFunction(start, horizonMinutes, IntervalMinutes, intervalStart =>
        {
            var index = (int)((intervalStart - Start).Ticks / intervalTicks);
            var volume = column is { } c ? _volumes[index, c] : _totals[index];
            return volume / IntervalMinutes;
        });
    }

    private int ClassIndex(string ticketClass)
    {
        var index = Array.IndexOf(_classes, ticketClass);
        return index >= 0
            ? index
            : throw new ArgumentException($"'{ticketClass}' is not a class of this series ({string.Join(", ", _classes)})", nameof(ticketClass));
    }
}
