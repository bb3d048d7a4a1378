namespace SupportQueue.Core.Simulation;

/// <summary>
/// The class mix of a volume CSV with a class column: each interval's own shares, as cumulative
/// thresholds over the scenario's classes (a class absent from the file has share 0).
/// </summary>
internal sealed class VolumeClassMix
{
    private readonly double[][] _cumulative;
    private readonly double _offset;
    private readonly int _interval;

    private VolumeClassMix(double[][] cumulative, double offset, int interval)
    {
        _cumulative = cumulative;
        _offset = offset;
        _interval = interval;
    }

    /// <summary>Null when the scenario's demand has no per-class volumes.</summary>
    public static VolumeClassMix? Of(Scenario scenario)
    {
        if (scenario.Demand.VolumeTable is not { Classes.IsDefaultOrEmpty: false } table)
        {
            return null;
        }

        var series = table.ToSeries();
        var classes = scenario.TicketClasses;
        var cumulative = new double[series.Count][];
        for (var t = 0; t < series.Count; t++)
        {
            var shares = series.ClassShares(t);
            var row = new double[classes.Length];
            var running = 0.0;
            for (var c = 0; c < classes.Length; c++)
            {
                var column = table.Classes.IndexOf(classes[c].Name);
                running += column >= 0 ? shares[column] : 0;
                row[c] = running;
            }

            // An empty interval has no arrivals; rounding must not leave a gap at the top.
            cumulative[t] = running > 0 ? row : [];
            if (running > 0)
            {
                row[^1] = 1.0;
            }
        }

        return new VolumeClassMix(cumulative, (scenario.Start - series.Start).TotalMinutes, series.IntervalMinutes);
    }

    /// <summary>The class of a customer arriving at run minute <paramref name="now"/> for the uniform draw <paramref name="u"/>; -1: no shares there.</summary>
    public int Draw(double now, double u)
    {
        var index = (int)((now + _offset) / _interval);
        if (index < 0 || index >= _cumulative.Length || _cumulative[index].Length == 0)
        {
            return -1;
        }

        var row = _cumulative[index];
        var cls = 0;
        while (u >= row[cls])
        {
            cls++;
        }

        return cls;
    }
}
