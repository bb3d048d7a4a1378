using SupportQueue.Core.Statistics;

namespace SupportQueue.Core.Comparison;

/// <summary>
/// One policy's value of one metric on one tier (mean over seeds, with its CI) and, for every
/// policy but the first, the paired difference against the first (same seeds) with its CI.
/// </summary>
public sealed record ComparisonRow(string Tier, ComparisonMetric Metric, string Policy, ConfidenceInterval Value, ConfidenceInterval? Difference)
{
    /// <summary>The difference's interval excludes zero (needs at least two paired seeds).</summary>
    public bool Significant => Difference is { } d && d.Count >= 2 && double.IsFinite(d.HalfWidth) && (d.Lower > 0 || d.Upper < 0);
}
