using System.Collections.Immutable;
using SupportQueue.Core.Comparison;
using SupportQueue.LoadTests.Reports;

namespace SupportQueue.LoadTests.Cli;

/// <summary>
/// Maps one live run onto the comparison vocabulary of the simulator's compare (Core's
/// <see cref="PolicyComparison"/> does the paired statistics): every tier of the desk, measured
/// from the tickets' histories and the roster (<see cref="TierOutcome"/>), then the desk as a whole.
/// </summary>
public static class LiveComparison
{
    /// <summary>The desk-wide "tier": service level against the scenario's own threshold, first answers only.</summary>
    public const string Desk = "desk";

    /// <summary>The tiers a comparison of these runs reports, in order: the desk's tiers, then <see cref="Desk"/>.</summary>
    public static ImmutableArray<string> Tiers(OrleansRunRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return [.. record.Tiers.Select(t => t.Tier), Desk];
    }

    public static PolicySample Sample(string policy, ulong seed, OrleansRunRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var values = ImmutableDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        foreach (var t in record.Tiers)
        {
            values[ComparisonMetric.ServiceLevel.For(t.Tier)] = t.ServiceLevel;
            values[ComparisonMetric.Asa.For(t.Tier)] = t.AsaMinutes;
            values[ComparisonMetric.WaitP90.For(t.Tier)] = t.WaitP90Minutes;
            values[ComparisonMetric.Abandonment.For(t.Tier)] = t.AbandonmentRate;
            values[ComparisonMetric.EscalationRate.For(t.Tier)] = t.EscalationRate;
            values[ComparisonMetric.Occupancy.For(t.Tier)] = t.Occupancy;
            values[ComparisonMetric.SubmitAssignP99.For(t.Tier)] = t.SubmitAssignP99Ms;
        }

        var outcome = record.Outcome;
        var assign = record.Result.Operations.FirstOrDefault(op => op.Operation == OrleansReport.SubmitToAssign);
        var staffed = record.Tiers.Sum(t => t.StaffedMinutes);
        values[ComparisonMetric.ServiceLevel.For(Desk)] = outcome.ServiceLevelPercent / 100;
        values[ComparisonMetric.Asa.For(Desk)] = outcome.Answered == 0 ? double.NaN : outcome.AverageSpeedOfAnswer.TotalMinutes;
        values[ComparisonMetric.WaitP90.For(Desk)] = outcome.Answered == 0 ? double.NaN : outcome.P90SpeedOfAnswer.TotalMinutes;
        values[ComparisonMetric.Abandonment.For(Desk)] = outcome.AbandonedPercent / 100;
        values[ComparisonMetric.EscalationRate.For(Desk)] = outcome.EscalatedPercent / 100;
        values[ComparisonMetric.Occupancy.For(Desk)] = staffed == 0 ? double.NaN : record.Tiers.Sum(t => t.BusyMinutes) / staffed;
        values[ComparisonMetric.SubmitAssignP99.For(Desk)] = assign is null || assign.Count == 0 ? double.NaN : assign.PercentileMs(99);
        return new PolicySample(policy, seed, values.ToImmutable());
    }
}
