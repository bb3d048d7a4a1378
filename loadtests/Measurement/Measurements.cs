using System.Collections.Concurrent;
using HdrHistogram;

namespace SupportQueue.LoadTests.Measurement;

/// <summary>
/// Thread-safe recording of named operations into HdrHistograms. Writers go through HdrHistogram
/// <see cref="Recorder"/>s (wait-free on the hot path); a single reader periodically swaps out their
/// interval histograms and folds them into run totals and the per-interval time series.
/// </summary>
public sealed class Measurements : IMeasurements
{
    // Latencies are kept in microseconds: 1 µs resolution up to an hour at 3 significant digits
    // costs a few hundred KB per histogram, and nothing we measure needs finer than a microsecond.
    internal const long HighestTrackableMicros = 3_600_000_000;
    private const int SignificantDigits = 3;

    private readonly ConcurrentDictionary<string, OperationRecorder> _operations = new(StringComparer.Ordinal);
    private readonly List<OperationRecorder> _ordered = [];
    private readonly Lock _createLock = new();
    private readonly Lock _readLock = new();
    private readonly double _microsPerTick;
    private readonly long _lateThresholdTicks;
    private double _previousIntervalSeconds;

    /// <summary>Creates an empty set of measurements.</summary>
    /// <param name="time">The clock whose timestamps will be recorded; defaults to the system clock.</param>
    /// <param name="lateStartThreshold">How far the actual start may trail the intended start before counting as late.</param>
    public Measurements(TimeProvider? time = null, TimeSpan? lateStartThreshold = null)
    {
        Time = time ?? TimeProvider.System;
        _microsPerTick = 1_000_000.0 / Time.TimestampFrequency;
        var threshold = lateStartThreshold ?? TimeSpan.FromMilliseconds(10);
        _lateThresholdTicks = (long)(threshold.TotalSeconds * Time.TimestampFrequency);
    }

    /// <summary>The clock whose timestamp units are recorded.</summary>
    public TimeProvider Time { get; }

    /// <summary>Operation names in the order they were first seen.</summary>
    public IReadOnlyList<string> Operations
    {
        get
        {
            lock (_createLock)
            {
                return _ordered.Select(o => o.Name).ToList();
            }
        }
    }

    /// <inheritdoc/>
    public void Record(string operation, long intendedStartTimestamp, long actualStartTimestamp, long endTimestamp)
    {
        var op = Get(operation);
        op.FromIntended.RecordValue(ToMicros(endTimestamp - intendedStartTimestamp));
        op.FromActual.RecordValue(ToMicros(endTimestamp - actualStartTimestamp));
        op.StartLag.RecordValue(ToMicros(actualStartTimestamp - intendedStartTimestamp));
        if (actualStartTimestamp - intendedStartTimestamp > _lateThresholdTicks)
        {
            Interlocked.Increment(ref op.LateStarts);
        }
    }

    /// <inheritdoc/>
    public void RecordFailure(string operation, string kind)
    {
        var op = Get(operation);
        op.Failures.AddOrUpdate(kind, 1, static (_, n) => n + 1);
        Interlocked.Increment(ref op.IntervalFailures);
    }

    /// <summary>Counts an arrival that was due but not started because too many requests were in flight.</summary>
    public void RecordDropped(string operation) => Interlocked.Increment(ref Get(operation).Dropped);

    /// <summary>
    /// Closes the current interval: folds what was recorded since the previous call into the totals and
    /// returns one sample per operation seen so far.
    /// </summary>
    /// <param name="elapsedSeconds">Run time at the end of the interval, stamped on the samples.</param>
    /// <param name="intervalSeconds">Interval length, for throughput.</param>
    public IReadOnlyList<OperationSample> TakeInterval(double elapsedSeconds, double intervalSeconds) =>
        CloseInterval(elapsedSeconds, intervalSeconds, extendPrevious: false);

    /// <summary>
    /// Closes a short trailing interval by merging it into the previous one, so nothing recorded in it is
    /// lost and no sliver with a wildly scaled rate appears. The returned samples replace the ones the
    /// previous <see cref="TakeInterval"/> (or <see cref="ExtendPreviousInterval"/>) call returned.
    /// </summary>
    /// <param name="elapsedSeconds">Run time at the end of the merged interval.</param>
    /// <param name="addedSeconds">Length of the trailing interval being merged in.</param>
    public IReadOnlyList<OperationSample> ExtendPreviousInterval(double elapsedSeconds, double addedSeconds) =>
        CloseInterval(elapsedSeconds, addedSeconds, extendPrevious: true);

    private List<OperationSample> CloseInterval(double elapsedSeconds, double intervalSeconds, bool extendPrevious)
    {
        lock (_readLock)
        {
            var seconds = extendPrevious ? _previousIntervalSeconds + intervalSeconds : intervalSeconds;
            var ops = Snapshot();
            var samples = new List<OperationSample>(ops.Count);
            foreach (var op in ops)
            {
                op.Drain();
                var failures = Interlocked.Exchange(ref op.IntervalFailures, 0);
                if (extendPrevious)
                {
                    op.IntervalIntended.Add(op.PreviousIntended);
                    op.IntervalActual.Add(op.PreviousActual);
                    failures += op.PreviousFailures;
                }

                var count = op.IntervalIntended.TotalCount;
                samples.Add(new OperationSample(
                    elapsedSeconds,
                    op.Name,
                    count,
                    failures,
                    seconds > 0 ? count / seconds : 0,
                    Percentile(op.IntervalIntended, 50),
                    Percentile(op.IntervalIntended, 99),
                    Percentile(op.IntervalActual, 99)));
                op.KeepAsPrevious(failures);
            }

            _previousIntervalSeconds = seconds;
            return samples;
        }
    }

    /// <summary>
    /// Count, p99 and errors so far, for the live view. Unlike <see cref="GetStats"/> it copies no
    /// histogram: each copy is a large-object-heap array of a few hundred KB, and copying them every
    /// second made the loader itself trigger gen2 collections in the process it measures.
    /// </summary>
    public IReadOnlyList<(string Operation, long Count, double P99Ms, long Errors)> GetRunningTotals()
    {
        lock (_readLock)
        {
            return Snapshot().Select(op =>
            {
                op.Drain();
                var errors = op.Failures.Values.Sum() + Interlocked.Read(ref op.Dropped);
                return (op.Name, op.TotalIntended.TotalCount, Percentile(op.TotalIntended, 99), errors);
            }).ToList();
        }
    }

    /// <summary>Totals so far (does not disturb the interval series).</summary>
    /// <param name="duration">Measurement window used for throughput.</param>
    public IReadOnlyList<OperationStats> GetStats(TimeSpan duration)
    {
        lock (_readLock)
        {
            return Snapshot().Select(op =>
            {
                op.Drain();
                return new OperationStats(
                    op.Name,
                    op.TotalIntended.Copy(),
                    op.TotalActual.Copy(),
                    op.TotalStartLag.Copy(),
                    new Dictionary<string, long>(op.Failures, StringComparer.Ordinal),
                    Interlocked.Read(ref op.Dropped),
                    Interlocked.Read(ref op.LateStarts),
                    duration);
            }).ToList();
        }
    }

    private List<OperationRecorder> Snapshot()
    {
        lock (_createLock)
        {
            return [.. _ordered];
        }
    }

    private static double Percentile(HistogramBase h, double p) => h.TotalCount == 0 ? 0 : h.GetValueAtPercentile(p) / 1000.0;

    private long ToMicros(long ticks) =>
        ticks <= 0 ? 0 : Math.Min(HighestTrackableMicros, (long)(ticks * _microsPerTick));

    private OperationRecorder Get(string operation)
    {
        if (_operations.TryGetValue(operation, out var op))
        {
            return op;
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(operation);
        lock (_createLock)
        {
            if (!_operations.TryGetValue(operation, out op))
            {
                op = new OperationRecorder(operation);
                _operations[operation] = op;
                _ordered.Add(op);
            }

            return op;
        }
    }

    private sealed class OperationRecorder(string name)
    {
        public readonly string Name = name;
        public readonly Recorder FromIntended = NewRecorder();
        public readonly Recorder FromActual = NewRecorder();
        public readonly Recorder StartLag = NewRecorder();
        public readonly HistogramBase TotalStartLag = NewHistogram();
        public readonly ConcurrentDictionary<string, long> Failures = new(StringComparer.Ordinal);
        public readonly HistogramBase TotalIntended = NewHistogram();
        public readonly HistogramBase TotalActual = NewHistogram();
        public HistogramBase IntervalIntended = NewHistogram();
        public HistogramBase IntervalActual = NewHistogram();
        public long Dropped;
        public long LateStarts;
        public long IntervalFailures;
        public HistogramBase PreviousIntended = NewHistogram();
        public HistogramBase PreviousActual = NewHistogram();
        public long PreviousFailures;
        private HistogramBase? _recycleIntended;
        private HistogramBase? _recycleActual;
        private HistogramBase? _recycleLag;

        /// <summary>Moves everything the recorders collected since the last drain into totals and the open interval. Caller holds the read lock.</summary>
        public void Drain()
        {
            _recycleIntended = FromIntended.GetIntervalHistogram(_recycleIntended);
            _recycleActual = FromActual.GetIntervalHistogram(_recycleActual);
            AddIfAny(TotalIntended, _recycleIntended);
            AddIfAny(IntervalIntended, _recycleIntended);
            AddIfAny(TotalActual, _recycleActual);
            _recycleLag = StartLag.GetIntervalHistogram(_recycleLag);
            AddIfAny(TotalStartLag, _recycleLag);
            AddIfAny(IntervalActual, _recycleActual);
        }

        /// <summary>Moves the closed interval aside (a trailing sliver may still be merged into it) and opens an empty one. Caller holds the read lock.</summary>
        public void KeepAsPrevious(long failures)
        {
            // Swapped, not copied: adding one histogram into another walks every bucket, and the
            // sampler did that for every operation every second inside the process it measures.
            (PreviousIntended, IntervalIntended) = (IntervalIntended, PreviousIntended);
            (PreviousActual, IntervalActual) = (IntervalActual, PreviousActual);
            PreviousFailures = failures;
            IntervalIntended.Reset();
            IntervalActual.Reset();
        }

        // An operation with nothing recorded since the last drain (a tier that answered nothing,
        // no abandonment) costs no walk over its buckets.
        private static void AddIfAny(HistogramBase to, HistogramBase from)
        {
            if (from.TotalCount > 0)
            {
                to.Add(from);
            }
        }

        // Several threads record into the same recorder concurrently, so its histograms must tolerate concurrent writes.
        private static Recorder NewRecorder() =>
            new(1, HighestTrackableMicros, SignificantDigits, static (id, low, high, digits) => new LongConcurrentHistogram(id, low, high, digits));

        private static LongHistogram NewHistogram() => new(1, HighestTrackableMicros, SignificantDigits);
    }
}
