using System.Collections.Immutable;

namespace SupportQueue.Core.Comparison;

/// <summary>
/// A per-tier quantity two policies are compared on. Ratios are shown in percentage points
/// (<see cref="Scale"/> 100) so a verdict reads "by 4.1 ± 1.2 points", not "by 0.041".
/// </summary>
public sealed record ComparisonMetric(string Key, string Label, string Unit, double Scale)
{
    public static readonly ComparisonMetric ServiceLevel = new("service_level", "service level", "points", 100);
    public static readonly ComparisonMetric Asa = new("asa", "ASA", "min", 1);
    public static readonly ComparisonMetric WaitP90 = new("wait_p90", "wait p90", "min", 1);
    public static readonly ComparisonMetric Abandonment = new("abandonment", "abandonment", "points", 100);
    public static readonly ComparisonMetric EscalationRate = new("escalation_rate", "escalation rate", "points", 100);
    public static readonly ComparisonMetric Occupancy = new("occupancy", "occupancy", "points", 100);

    /// <summary>Live runs only: CO-corrected p99 from submit to assignment, in wall milliseconds.</summary>
    public static readonly ComparisonMetric SubmitAssignP99 = new("submit_assign_p99", "p99 submit→assign", "ms", 1);

    public static ImmutableArray<ComparisonMetric> All { get; } = [ServiceLevel, Asa, WaitP90, Abandonment, EscalationRate, Occupancy, SubmitAssignP99];

    public static ComparisonMetric? Find(string key) =>
        All.FirstOrDefault(m => string.Equals(m.Key, key, StringComparison.OrdinalIgnoreCase));

    /// <summary>The value key of this metric on a tier, as in <see cref="PolicySample.Values"/>.</summary>
    public string For(string tier) => $"{tier}.{Key}";
}
