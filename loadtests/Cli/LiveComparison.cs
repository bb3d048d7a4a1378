using System.Collections.Immutable;
using SupportQueue.Core.Comparison;
using SupportQueue.LoadTests.Reports;

namespace SupportQueue.LoadTests.Cli;

/// <summary>
/// Maps one live run onto the comparison vocabulary. The live audit measures the desk as a whole
/// (from the tickets' histories), so the live comparison has one "tier", the desk; occupancy is
/// not measured live.
/// </summary>
public static class LiveComparison
{
    public const string Tier = "desk";

    public static PolicySample Sample(string policy, ulong seed, OrleansRunRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var outcome = record.Outcome;
        var assign = record.Result.Operations.FirstOrDefault(op => op.Operation == OrleansReport.SubmitToAssign);
        var values = ImmutableDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        values[ComparisonMetric.ServiceLevel.For(Tier)] = outcome.ServiceLevelPercent / 100;
        values[ComparisonMetric.Asa.For(Tier)] = outcome.Answered == 0 ? double.NaN : outcome.AverageSpeedOfAnswer.TotalMinutes;
        values[ComparisonMetric.WaitP90.For(Tier)] = outcome.Answered == 0 ? double.NaN : outcome.P90SpeedOfAnswer.TotalMinutes;
        values[ComparisonMetric.Abandonment.For(Tier)] = outcome.AbandonedPercent / 100;
        values[ComparisonMetric.EscalationRate.For(Tier)] = outcome.EscalatedPercent / 100;
        values[ComparisonMetric.SubmitAssignP99.For(Tier)] = assign is null || assign.Count == 0 ? double.NaN : assign.PercentileMs(99);
        return new PolicySample(policy, seed, values.ToImmutable());
    }
}
