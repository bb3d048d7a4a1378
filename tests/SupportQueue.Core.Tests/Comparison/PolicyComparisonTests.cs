using System.Collections.Immutable;
using SupportQueue.Core.Comparison;
using SupportQueue.Core.Model;

namespace SupportQueue.Core.Tests.Comparison;

public sealed class PolicyComparisonTests
{
    private static PolicySample Sample(string policy, ulong seed, double l1ServiceLevel, double l2ServiceLevel) =>
        new(policy, seed, ImmutableDictionary<string, double>.Empty
            .Add(ComparisonMetric.ServiceLevel.For("L1"), l1ServiceLevel)
            .Add(ComparisonMetric.ServiceLevel.For("L2"), l2ServiceLevel));

    [Fact]
    public void Paired_difference_removes_the_noise_both_policies_share()
    {
        // Seeds move both policies a lot (0.5 … 0.8), B is always 4 points above A on L1: the
        // paired interval is tight around +0.04 although the per-policy intervals overlap widely.
        double[] seedLevel = [0.5, 0.8, 0.6, 0.7];
        double[] jitter = [0.001, -0.002, 0.0015, -0.0005];
        double[] l2Noise = [0.01, -0.012, 0.008, -0.009];
        var samples = new List<PolicySample>();
        for (var s = 0; s < seedLevel.Length; s++)
        {
            samples.Add(Sample("A", (ulong)s, seedLevel[s], 0.9));
            samples.Add(Sample("B", (ulong)s, seedLevel[s] + 0.04 + jitter[s], 0.9 + l2Noise[s]));
        }

        var comparison = PolicyComparison.Compare(["A", "B"], ["L1", "L2"], samples);

        var l1 = comparison.Find("L1", "service_level", "B")!;
        Assert.Equal(0.04, l1.Difference!.Value.Mean, 3);
        Assert.True(l1.Difference.Value.HalfWidth < 0.01);
        Assert.True(l1.Value.HalfWidth > 0.1); // the unpaired interval could not tell them apart
        Assert.Equal(1, comparison.Direction("L1", "service_level", "B"));
        Assert.Equal(0, comparison.Direction("L2", "service_level", "B"));
        Assert.Null(comparison.Find("L1", "service_level", "A")!.Difference);
        var verdict = Assert.Single(comparison.Verdicts());
        Assert.StartsWith("B raises L1 service level by 4.0", verdict, StringComparison.Ordinal);
        Assert.EndsWith("points; no significant change in L2", verdict, StringComparison.Ordinal);
    }

    [Fact]
    public void Verdict_says_lowers_and_no_change_against_the_baseline()
    {
        var samples = new List<PolicySample>();
        for (ulong s = 0; s < 3; s++)
        {
            samples.Add(Sample("A", s, 0.8 + (s * 0.01), 0.9));
            samples.Add(Sample("B", s, 0.7 + (s * 0.01) + (s == 1 ? 0.002 : 0), 0.9));
            samples.Add(Sample("C", s, 0.8 + (s * 0.01), 0.9));
        }

        var comparison = PolicyComparison.Compare(["A", "B", "C"], ["L1", "L2"], samples);

        Assert.Equal(-1, comparison.Direction("L1", "service_level", "B"));
        Assert.StartsWith("B lowers L1 service level by 9.9", comparison.Verdict("B"), StringComparison.Ordinal);
        Assert.Equal("C makes no significant change against A in L1, L2", comparison.Verdict("C"));
    }

    [Fact]
    public void A_missing_seed_is_refused()
    {
        var samples = new[] { Sample("A", 0, 0.5, 0.5), Sample("A", 1, 0.5, 0.5), Sample("B", 0, 0.5, 0.5) };
        var ex = Assert.Throws<ArgumentException>(() => PolicyComparison.Compare(["A", "B"], ["L1"], samples));
        Assert.Contains("policy 'B' has no sample for seed 1", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("L1 service_level 0.8", "expected \"TIER METRIC OP VALUE\"")]
    [InlineData("L1 speed >= 0.8", "unknown metric 'speed'")]
    [InlineData("L1 service_level => 0.8", "unknown operator '=>'")]
    [InlineData("L1 service_level >= high", "'high' is not a number")]
    public void Bad_thresholds_name_the_text_and_the_problem(string text, string reason)
    {
        var ex = Assert.Throws<SupportQueueException>(() => PolicyThreshold.Parse(text));
        Assert.Contains($"'{text}'", ex.Message, StringComparison.Ordinal);
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Threshold_fails_for_each_policy_below_the_limit()
    {
        var samples = new[] { Sample("A", 0, 0.85, 0.5), Sample("A", 1, 0.87, 0.5), Sample("B", 0, 0.7, 0.5), Sample("B", 1, 0.72, 0.5) };
        var comparison = PolicyComparison.Compare(["A", "B"], ["L1", "L2"], samples);

        Assert.Empty(PolicyThreshold.Parse("L1 service_level >= 0.7").Failures(comparison));
        var failure = Assert.Single(PolicyThreshold.Parse("L1 service_level >= 0.8").Failures(comparison));
        Assert.Equal("L1 service_level >= 0.8: policy B: 0.71", failure);
        Assert.Contains("no tier 'L9'", Assert.Single(PolicyThreshold.Parse("L9 asa < 1").Failures(comparison)), StringComparison.Ordinal);
    }
}
