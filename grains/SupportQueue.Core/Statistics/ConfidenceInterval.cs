namespace SupportQueue.Core.Statistics;

/// <summary>
/// Two-sided Student-t interval for a mean: mean ± t_{(1+level)/2, n−1}·s/√n. Meaningful for
/// independent, roughly normal observations such as per-replication averages; with fewer than
/// two observations the half-width is +∞.
/// </summary>
public readonly record struct ConfidenceInterval(double Mean, double HalfWidth, long Count, double Level)
{
    public double Lower => Mean - HalfWidth;

    public double Upper => Mean + HalfWidth;

    public bool Contains(double value) => value >= Lower && value <= Upper;

    public static ConfidenceInterval FromStatistics(RunningStatistics statistics, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        if (!(level > 0 && level < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "must be in (0, 1)");
        }

        var n = statistics.Count;
        var halfWidth = n < 2
            ? double.PositiveInfinity
            : StudentT.Quantile(0.5 * (1.0 + level), n - 1) * statistics.StandardError;
        return new ConfidenceInterval(statistics.Mean, halfWidth, n, level);
    }

    public static ConfidenceInterval FromSample(ReadOnlySpan<double> values, double level = 0.95)
    {
        var statistics = new RunningStatistics();
        foreach (var value in values)
        {
            statistics.Add(value);
        }

        return FromStatistics(statistics, level);
    }
}
