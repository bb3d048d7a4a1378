using System.Collections.Immutable;
using SupportQueue.Core.Statistics;

namespace SupportQueue.Core.Simulation;

/// <summary>Replications merged: every scalar as a mean with its 95% confidence interval, series as means.</summary>
public sealed record SimulationSummary(
    int Replications,
    ImmutableSortedDictionary<string, ConfidenceInterval> Totals,
    ImmutableArray<ReplicationResult> Runs)
{
    public static SimulationSummary Merge(IReadOnlyList<ReplicationResult> runs, double level = 0.95)
    {
        if (runs.Count == 0)
        {
            throw new ArgumentException("no replications to merge", nameof(runs));
        }

        var keys = runs.SelectMany(r => r.Totals.Values.Keys).Distinct(StringComparer.Ordinal);
        var totals = ImmutableSortedDictionary.CreateBuilder<string, ConfidenceInterval>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            // A replication without a value (no tickets of that kind) does not count toward the mean.
            var values = runs.Select(r => r.Totals.Values.GetValueOrDefault(key, double.NaN)).Where(v => !double.IsNaN(v)).ToArray();
            if (values.Length > 0)
            {
                totals[key] = values.Length == 1 ? new ConfidenceInterval(values[0], double.NaN, 1, level) : ConfidenceInterval.FromSample(values, level);
            }
        }

        return new SimulationSummary(runs.Count, totals.ToImmutable(), [.. runs.OrderBy(r => r.Replication)]);
    }

    /// <summary>Mean over replications of one per-interval series.</summary>
    public double[] MeanSeries(Func<ReplicationResult, IReadOnlyList<double>> select)
    {
        var first = select(Runs[0]);
        var mean = new double[first.Count];
        foreach (var run in Runs)
        {
            var series = select(run);
            for (var i = 0; i < mean.Length; i++)
            {
                mean[i] += series[i] / Runs.Length;
            }
        }

        return mean;
    }
}
