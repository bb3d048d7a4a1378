using System.Collections.Immutable;
using System.Globalization;
using SupportQueue.Core.Statistics;

namespace SupportQueue.Core.Comparison;

/// <summary>
/// Compares policies run on the same seeds (common random numbers): per tier and metric the mean
/// over seeds and, against the first policy, the paired difference with a Student-t interval over
/// seeds. Pairing removes the seed-to-seed noise both policies share, which is why a handful of
/// seeds can already separate policies that plain per-policy intervals cannot.
/// </summary>
public sealed class PolicyComparison
{
    private PolicyComparison(ImmutableArray<string> policies, ImmutableArray<string> tiers, ImmutableArray<ComparisonRow> rows, ImmutableArray<ulong> seeds, double level)
    {
        Policies = policies;
        Tiers = tiers;
        Rows = rows;
        Seeds = seeds;
        Level = level;
    }

    /// <summary>In the order given; the first is the baseline every difference is taken against.</summary>
    public ImmutableArray<string> Policies { get; }

    public ImmutableArray<string> Tiers { get; }

    public ImmutableArray<ComparisonRow> Rows { get; }

    public ImmutableArray<ulong> Seeds { get; }

    public double Level { get; }

    public string Baseline => Policies[0];

    /// <summary>Builds the comparison; every policy must have a sample for every seed.</summary>
    public static PolicyComparison Compare(IReadOnlyList<string> policies, IReadOnlyList<string> tiers, IReadOnlyList<PolicySample> samples, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(tiers);
        ArgumentNullException.ThrowIfNull(samples);
        if (policies.Count < 2)
        {
            throw new ArgumentException("at least two policies are needed", nameof(policies));
        }

        var seeds = samples.Select(s => s.Seed).Distinct().Order().ToImmutableArray();
        var bySeed = new Dictionary<(string, ulong), PolicySample>();
        foreach (var sample in samples)
        {
            bySeed[(sample.Policy, sample.Seed)] = sample;
        }

        foreach (var policy in policies)
        {
            foreach (var seed in seeds)
            {
                if (!bySeed.ContainsKey((policy, seed)))
                {
                    throw new ArgumentException($"policy '{policy}' has no sample for seed {seed.ToString(CultureInfo.InvariantCulture)}", nameof(samples));
                }
            }
        }

        var rows = ImmutableArray.CreateBuilder<ComparisonRow>();
        foreach (var tier in tiers)
        {
            foreach (var metric in ComparisonMetric.All)
            {
                var key = metric.For(tier);
                double Value(string policy, ulong seed) => bySeed[(policy, seed)].Values.GetValueOrDefault(key, double.NaN);
                if (!seeds.Any(seed => policies.Any(p => !double.IsNaN(Value(p, seed)))))
                {
                    continue; // not measured by this host (e.g. latency in the simulator)
                }

                foreach (var policy in policies)
                {
                    var values = seeds.Select(seed => Value(policy, seed)).Where(v => !double.IsNaN(v)).ToArray();
                    var value = Interval(values, level);
                    ConfidenceInterval? difference = null;
                    if (!string.Equals(policy, policies[0], StringComparison.Ordinal))
                    {
                        // Paired: only seeds where both policies observed the metric.
                        var diffs = seeds.Select(seed => Value(policy, seed) - Value(policies[0], seed)).Where(d => !double.IsNaN(d)).ToArray();
                        difference = Interval(diffs, level);
                    }

                    rows.Add(new ComparisonRow(tier, metric, policy, value, difference));
                }
            }
        }

        return new PolicyComparison([.. policies], [.. tiers], rows.ToImmutable(), seeds, level);
    }

    public ComparisonRow? Find(string tier, string metricKey, string policy) =>
        Rows.FirstOrDefault(r => string.Equals(r.Tier, tier, StringComparison.OrdinalIgnoreCase)
            && string.Equals(r.Metric.Key, metricKey, StringComparison.OrdinalIgnoreCase)
            && string.Equals(r.Policy, policy, StringComparison.Ordinal));

    /// <summary>
    /// -1, 0 or +1: the sign of the paired difference of <paramref name="policy"/> against the
    /// baseline when its interval excludes zero, else 0.
    /// </summary>
    public int Direction(string tier, string metricKey, string policy) =>
        Find(tier, metricKey, policy) is { Significant: true, Difference: { } d } ? Math.Sign(d.Mean) : 0;

    /// <summary>One plain sentence per non-baseline policy, e.g. "B raises L1 service level by 4.1 ± 1.2 points; no significant change in L2".</summary>
    public ImmutableArray<string> Verdicts() => [.. Policies.Skip(1).Select(Verdict)];

    public string Verdict(string policy)
    {
        var changed = new List<string>();
        var unchanged = new List<string>();
        foreach (var tier in Tiers)
        {
            var clauses = Rows
                .Where(r => r.Tier == tier && r.Policy == policy && r.Significant)
                .Select(r => Clause(r))
                .ToList();
            if (clauses.Count == 0)
            {
                unchanged.Add(tier);
            }
            else
            {
                changed.Add(string.Join(", ", clauses));
            }
        }

        var parts = new List<string>(changed);
        if (unchanged.Count > 0)
        {
            parts.Add((changed.Count == 0 ? $"makes no significant change against {Baseline} in " : "no significant change in ") + string.Join(", ", unchanged));
        }

        return $"{policy} {string.Join("; ", parts)}";
    }

    private static string Clause(ComparisonRow row)
    {
        var d = row.Difference!.Value;
        var verb = d.Mean > 0 ? "raises" : "lowers";
        var scale = row.Metric.Scale;
        return $"{verb} {row.Tier} {row.Metric.Label} by {Format(Math.Abs(d.Mean) * scale)} ± {Format(d.HalfWidth * scale)} {row.Metric.Unit}";
    }

    private static string Format(double value) => value.ToString(value >= 100 ? "0" : "0.0#", CultureInfo.InvariantCulture);

    private static ConfidenceInterval Interval(double[] values, double level) => values.Length switch
    {
        0 => new ConfidenceInterval(double.NaN, double.NaN, 0, level),
        1 => new ConfidenceInterval(values[0], double.PositiveInfinity, 1, level),
        _ => ConfidenceInterval.FromSample(values, level),
    };
}
