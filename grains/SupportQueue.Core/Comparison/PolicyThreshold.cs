using System.Globalization;
using SupportQueue.Core.Model;

namespace SupportQueue.Core.Comparison;

/// <summary>
/// A pass/fail rule on a policy metric, "L1 service_level >= 0.8": checked against every policy's
/// mean over seeds, in the metric's raw unit (ratios 0..1, times in minutes, latency in ms).
/// </summary>
public sealed record PolicyThreshold(string Text, string Tier, ComparisonMetric Metric, string Operator, double Limit)
{
    private static readonly string[] _operators = [">=", "<=", ">", "<"];

    /// <summary>Throws <see cref="SupportQueueException"/> naming the text and what is wrong.</summary>
    public static PolicyThreshold Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length != 4)
        {
            throw Bad(text, "expected \"TIER METRIC OP VALUE\", e.g. \"L1 service_level >= 0.8\"");
        }

        var metric = ComparisonMetric.Find(parts[1])
            ?? throw Bad(text, $"unknown metric '{parts[1]}'; one of {string.Join(", ", ComparisonMetric.All.Select(m => m.Key))}");
        if (!_operators.Contains(parts[2]))
        {
            throw Bad(text, $"unknown operator '{parts[2]}'; one of >=, <=, >, <");
        }

        if (!double.TryParse(parts[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var limit) || !double.IsFinite(limit))
        {
            throw Bad(text, $"'{parts[3]}' is not a number");
        }

        return new PolicyThreshold(text, parts[0], metric, parts[2], limit);
    }

    /// <summary>One line per policy that misses the rule (or whose tier/metric was not measured).</summary>
    public IEnumerable<string> Failures(PolicyComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        if (!comparison.Tiers.Contains(Tier, StringComparer.OrdinalIgnoreCase))
        {
            yield return $"{Text}: no tier '{Tier}' (tiers: {string.Join(", ", comparison.Tiers)})";
            yield break;
        }

        foreach (var policy in comparison.Policies)
        {
            var row = comparison.Find(Tier, Metric.Key, policy);
            if (row is null || double.IsNaN(row.Value.Mean))
            {
                yield return $"{Text}: policy {policy}: not measured";
                continue;
            }

            var value = row.Value.Mean;
            var holds = Operator switch
            {
                ">=" => value >= Limit,
                "<=" => value <= Limit,
                ">" => value > Limit,
                _ => value < Limit,
            };
            if (!holds)
            {
                yield return $"{Text}: policy {policy}: {value.ToString("0.####", CultureInfo.InvariantCulture)}";
            }
        }
    }

    private static SupportQueueException Bad(string text, string reason) =>
        new(RefusalCode.InvalidSettings, $"--threshold: invalid value '{text}' — {reason}");
}
