using HdrHistogram;

namespace SupportQueue.LoadTests.Measurement;

/// <summary>Latency percentiles in milliseconds.</summary>
public sealed record LatencyStats(double P50, double P75, double P95, double P99, double P999, double Max, double Mean)
{
    /// <summary>All zeros, for operations without successful samples.</summary>
    public static LatencyStats Empty { get; } = new(0, 0, 0, 0, 0, 0, 0);

    internal static LatencyStats From(HistogramBase h) =>
        h.TotalCount == 0
            ? Empty
            : new LatencyStats(
                Ms(h, 50), Ms(h, 75), Ms(h, 95), Ms(h, 99), Ms(h, 99.9),
                h.GetMaxValue() / 1000.0,
                h.GetMean() / 1000.0);

    private static double Ms(HistogramBase h, double percentile) => h.GetValueAtPercentile(percentile) / 1000.0;
}
