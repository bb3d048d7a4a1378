using System.Collections.Immutable;
using SupportQueue.Core.Simulation;

namespace SupportQueue.Core.Comparison;

/// <summary>
/// What one policy produced on one seed: values keyed "tier.metric" (see
/// <see cref="ComparisonMetric.For"/>), raw (ratios as 0..1). NaN or missing: not observed.
/// </summary>
public sealed record PolicySample(string Policy, ulong Seed, ImmutableDictionary<string, double> Values)
{
    /// <summary>The simulator's replication totals mapped onto the comparison vocabulary.</summary>
    public static PolicySample FromSimulation(string policy, ulong seed, IEnumerable<string> tiers, ReplicationTotals totals)
    {
        ArgumentNullException.ThrowIfNull(tiers);
        ArgumentNullException.ThrowIfNull(totals);
        var values = ImmutableDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        foreach (var tier in tiers)
        {
            double Get(string name) => totals.Values.GetValueOrDefault($"{tier}.{name}", double.NaN);
            var offered = Get("offered");
            values[ComparisonMetric.ServiceLevel.For(tier)] = Get("serviceLevel");
            values[ComparisonMetric.Asa.For(tier)] = Get("asaMinutes");
            values[ComparisonMetric.WaitP90.For(tier)] = Get("waitP90Minutes");
            values[ComparisonMetric.Abandonment.For(tier)] = offered > 0 ? Get("abandoned") / offered : double.NaN;
            values[ComparisonMetric.EscalationRate.For(tier)] = Get("escalationRate");
            values[ComparisonMetric.Occupancy.For(tier)] = Get("occupancy");
        }

        return new PolicySample(policy, seed, values.ToImmutable());
    }
}
