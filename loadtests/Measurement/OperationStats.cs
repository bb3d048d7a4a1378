using HdrHistogram;

namespace SupportQueue.LoadTests.Measurement;

/// <summary>Everything measured about one named operation over a run.</summary>
public sealed class OperationStats
{
    private readonly HistogramBase _fromIntended;
    private readonly HistogramBase _fromActual;

    internal OperationStats(
        string operation,
        HistogramBase fromIntended,
        HistogramBase fromActual,
        HistogramBase startLag,
        IReadOnlyDictionary<string, long> failuresByKind,
        long dropped,
        long lateStarts,
        TimeSpan duration)
    {
        Operation = operation;
        _fromIntended = fromIntended;
        _fromActual = fromActual;
        FailuresByKind = failuresByKind;
        Failures = failuresByKind.Values.Sum();
        Dropped = dropped;
        LateStarts = lateStarts;
        Duration = duration;
        Count = fromIntended.TotalCount;
        Latency = LatencyStats.From(fromIntended);
        ServiceTime = LatencyStats.From(fromActual);
        StartLag = LatencyStats.From(startLag);
    }

    /// <summary>The operation's name.</summary>
    public string Operation { get; }

    /// <summary>Successful completions.</summary>
    public long Count { get; }

    /// <summary>Failed completions (all kinds).</summary>
    public long Failures { get; }

    /// <summary>Failures per kind.</summary>
    public IReadOnlyDictionary<string, long> FailuresByKind { get; }

    /// <summary>Arrivals not started because the in-flight bound was reached.</summary>
    public long Dropped { get; }

    /// <summary>Recordings whose actual start trailed the intended one by more than the late-start threshold.</summary>
    public long LateStarts { get; }

    /// <summary>The measurement window throughput is computed over.</summary>
    public TimeSpan Duration { get; }

    /// <summary>Successful completions per second over <see cref="Duration"/>.</summary>
    public double Throughput => Duration > TimeSpan.Zero ? Count / Duration.TotalSeconds : 0;

    /// <summary>Failures as a percentage of all completions.</summary>
    public double FailPercent => Count + Failures == 0 ? 0 : 100.0 * Failures / (Count + Failures);

    /// <summary>Dropped starts as a percentage of everything that was due.</summary>
    public double DropPercent => Count + Failures + Dropped == 0 ? 0 : 100.0 * Dropped / (Count + Failures + Dropped);

    /// <summary>Late starts as a percentage of successful and failed completions.</summary>
    public double LatePercent => Count + Failures == 0 ? 0 : 100.0 * LateStarts / (Count + Failures);

    /// <summary>Latency from the intended start (coordinated-omission corrected). This is what thresholds check.</summary>
    public LatencyStats Latency { get; }

    /// <summary>Latency from the actual start (what an uncorrected tool would report).</summary>
    public LatencyStats ServiceTime { get; }

    /// <summary>
    /// How late the loader started each request (actual − intended start): the loader's own timer and
    /// thread-pool delay. Whatever shows here is also inside <see cref="Latency"/>, so a corrected p99 that
    /// is mostly start lag points at the loader (or a pause of the whole process), not the system.
    /// </summary>
    public LatencyStats StartLag { get; }

    /// <summary>Any percentile (0..100) in milliseconds, from the intended start or, if asked, from the actual start.</summary>
    public double PercentileMs(double percentile, bool fromIntendedStart = true)
    {
        var h = fromIntendedStart ? _fromIntended : _fromActual;
        return h.TotalCount == 0 ? 0 : h.GetValueAtPercentile(percentile) / 1000.0;
    }
}
