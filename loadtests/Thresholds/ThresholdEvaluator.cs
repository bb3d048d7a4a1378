using System.Globalization;
using SupportQueue.LoadTests.Measurement;

namespace SupportQueue.LoadTests.Thresholds;

/// <summary>Checks thresholds against per-operation statistics.</summary>
public static class ThresholdEvaluator
{
    /// <summary>Evaluates every threshold; a threshold about an operation that recorded nothing fails.</summary>
    public static IReadOnlyList<ThresholdResult> Evaluate(IEnumerable<Threshold> thresholds, IReadOnlyList<OperationStats> operations)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        ArgumentNullException.ThrowIfNull(operations);
        return thresholds.Select(t => Evaluate(t, operations)).ToList();
    }

    private static ThresholdResult Evaluate(Threshold t, IReadOnlyList<OperationStats> operations)
    {
        IReadOnlyList<OperationStats> scope;
        if (t.Operation is null)
        {
            scope = operations;
        }
        else
        {
            var op = operations.FirstOrDefault(o => string.Equals(o.Operation, t.Operation, StringComparison.Ordinal));
            if (op is null)
            {
                return new ThresholdResult(t, false, null, $"no data was recorded for operation '{t.Operation}'");
            }

            scope = [op];
        }

        if (t.IsLatency && scope[0].Count == 0)
        {
            return new ThresholdResult(t, false, null, $"operation '{t.Operation}' has no successful samples");
        }

        var count = scope.Sum(o => o.Count);
        var failures = scope.Sum(o => o.Failures);
        var dropped = scope.Sum(o => o.Dropped);
        var late = scope.Sum(o => o.LateStarts);
        var actual = t.Metric switch
        {
            ThresholdMetric.Percentile => scope[0].PercentileMs(t.Percentile),
            ThresholdMetric.Max => scope[0].Latency.Max,
            ThresholdMetric.Mean => scope[0].Latency.Mean,
            ThresholdMetric.Rps => scope.Sum(o => o.Throughput),
            ThresholdMetric.Count => count,
            ThresholdMetric.Failures => failures,
            ThresholdMetric.FailPercent => Percent(failures, count + failures),
            ThresholdMetric.DropPercent => Percent(dropped, count + failures + dropped),
            _ => Percent(late, count + failures),
        };

        var passed = t.IsMetBy(actual);
        var detail = string.Create(CultureInfo.InvariantCulture, $"measured {actual:0.###}{t.UnitLabel}");
        return new ThresholdResult(t, passed, actual, detail);
    }

    private static double Percent(long part, long whole) => whole == 0 ? 0 : 100.0 * part / whole;
}
