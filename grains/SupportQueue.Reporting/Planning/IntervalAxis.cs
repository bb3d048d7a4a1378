using System.Globalization;

namespace SupportQueue.Reporting.Planning;

/// <summary>
/// The X axis of a per-interval curve: days on a multi-day grid (so ticks fall on midnights and
/// read "Fri 27 Nov"), hours within a single day. Turns per-interval values into chart series.
/// </summary>
public sealed record IntervalAxis(DateTime Start, int IntervalMinutes, int Count)
{
    public bool MultiDay => (double)IntervalMinutes * Count > 1440;

    private double UnitMinutes => MultiDay ? 1440.0 : 60.0;

    /// <summary>X position of interval <paramref name="index"/>'s start.</summary>
    public double X(int index) => index * IntervalMinutes / UnitMinutes;

    /// <summary>Tick label for <see cref="SvgChart.XTickFormat"/>.</summary>
    public string Tick(double x) => MultiDay
        ? Start.AddDays(x).ToString(x == Math.Floor(x) ? "ddd dd MMM" : "ddd HH:mm", CultureInfo.InvariantCulture)
        : Start.AddHours(x).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Label under the axis.</summary>
    public string Label => MultiDay ? "interval start" : $"interval start ({Start.ToString("yyyy-MM-dd ddd", CultureInfo.InvariantCulture)})";

    /// <summary>A series of one value per interval; intervals whose value is null or not finite are left out.</summary>
    public SvgChartSeries Series(string name, Func<int, double?> value, string? color = null, bool step = false) =>
        new(name, [.. Enumerable.Range(0, Count)
            .Select(i => (i, v: value(i)))
            .Where(p => p.v is { } y && double.IsFinite(y))
            .Select(p => new SvgChartPoint(X(p.i), p.v!.Value))], color, step);
}
