using System.Text.Json;
using SupportQueue.Json;
using SupportQueue.Core.Randomness;

namespace SupportQueue.Core.Tests.Randomness;

public class DistributionTests
{
    private const int Draws = 200_000;

    public static TheoryData<string, DistributionSpec> Specs => new()
    {
        { "exponential", DistributionSpec.Exponential(12) },
        { "lognormal", DistributionSpec.Lognormal(20, 15) },
        { "gamma mean/sd", DistributionSpec.Gamma(8, 4) },
        { "gamma shape<1", DistributionSpec.GammaShapeScale(0.4, 5) },
        { "gamma shape=1", DistributionSpec.GammaShapeScale(1, 3) },
        { "fixed", DistributionSpec.Fixed(7.5) },
        { "uniform", DistributionSpec.Uniform(2, 10) },
        { "empirical", DistributionSpec.Empirical(1, 2, 2, 5, 30) },
        {
            "empirical weighted",
            DistributionSpec.EmpiricalWeighted(
                new WeightedValue { Value = 1, Weight = 0.5 },
                new WeightedValue { Value = 4, Weight = 0.3 },
                new WeightedValue { Value = 60, Weight = 0.2 })
        },
    };

    [Theory]
    [MemberData(nameof(Specs))]
    public void Sample_mean_and_variance_match_the_spec_within_four_standard_errors(string name, DistributionSpec spec)
    {
        var sampler = spec.CreateSampler();
        var rng = RandomStream.Create(2026, StreamId.Handling, 0);
        var values = new double[Draws];
        for (var i = 0; i < Draws; i++)
        {
            values[i] = sampler.Sample(rng);
            Assert.True(values[i] >= 0, name);
        }

        var mean = values.Average();
        var m2 = values.Sum(v => (v - mean) * (v - mean)) / (Draws - 1);
        var m4 = values.Sum(v => Math.Pow(v - mean, 4)) / Draws;

        // Standard errors of the sample mean and variance from the sample itself: σ/√n and √((μ₄ − σ⁴)/n).
        var meanTolerance = 4 * Math.Sqrt(m2 / Draws) + 1e-12;
        var varianceTolerance = 4 * Math.Sqrt(Math.Max(m4 - m2 * m2, 0) / Draws) + 1e-12;
        Assert.InRange(mean, sampler.Mean - meanTolerance, sampler.Mean + meanTolerance);
        Assert.InRange(m2, sampler.Variance - varianceTolerance, sampler.Variance + varianceTolerance);
    }

    [Fact]
    public void Moments_are_converted_to_the_parameters_of_each_family()
    {
        var lognormal = DistributionSpec.Lognormal(20, 15).CreateSampler();
        Assert.Equal(20, lognormal.Mean, 12);
        Assert.Equal(225, lognormal.Variance, 9);
        var gamma = DistributionSpec.Gamma(8, 4).CreateSampler();
        Assert.Equal(8, gamma.Mean, 12);
        Assert.Equal(16, gamma.Variance, 9);
        var empirical = DistributionSpec.EmpiricalWeighted(
            new WeightedValue { Value = 0, Weight = 3 }, new WeightedValue { Value = 10, Weight = 1 }).CreateSampler();
        Assert.Equal(2.5, empirical.Mean, 12);
        Assert.Equal(18.75, empirical.Variance, 12);
    }

    [Fact]
    public void Weighted_empirical_hits_each_point_in_proportion_to_its_weight()
    {
        var sampler = DistributionSpec.EmpiricalWeighted(
            new WeightedValue { Value = 1, Weight = 1 },
            new WeightedValue { Value = 2, Weight = 0 },
            new WeightedValue { Value = 3, Weight = 6 },
            new WeightedValue { Value = 4, Weight = 3 }).CreateSampler();
        var rng = RandomStream.Create(5, StreamId.TicketClass, 0);
        var counts = new long[5];
        for (var i = 0; i < 100_000; i++)
        {
            counts[(int)sampler.Sample(rng)]++;
        }

        Assert.Equal(0, counts[2]);
        var result = TestSupport.ChiSquare.GoodnessOfFit([counts[1], counts[3], counts[4]], [10_000.0, 60_000.0, 30_000.0]);
        Assert.True(result.PValue > 0.001, $"p = {result.PValue}");
    }

    [Fact]
    public void Sampling_allocates_nothing()
    {
        var samplers = Specs.Select(row => ((DistributionSpec)row[1]).CreateSampler()).ToArray();
        var rng = RandomStream.Create(9, StreamId.Patience, 0);
        var sink = 0.0;
        foreach (var sampler in samplers)
        {
            sink += sampler.Sample(rng);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100_000; i++)
        {
            foreach (var sampler in samplers)
            {
                sink += sampler.Sample(rng);
            }
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(sink > 0);
    }

    [Fact]
    public void Same_stream_reproduces_draws_across_sampler_instances()
    {
        var spec = DistributionSpec.Gamma(5, 2);
        var first = spec.CreateSampler();
        var second = spec.CreateSampler();
        var a = RandomStream.Create(11, StreamId.Handling, 4);
        var b = RandomStream.Create(11, StreamId.Handling, 4);
        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(first.Sample(a), second.Sample(b));
        }
    }

    [Fact]
    public void Validation_names_path_value_and_reason()
    {
        var errors = DistributionSpec.Exponential(-3).Validate("$.ticketClasses[1].handling.L2");
        var error = Assert.Single(errors);
        Assert.Equal("$.ticketClasses[1].handling.L2.mean", error.Path);
        Assert.Equal("-3", error.Value);
        Assert.Equal("must be > 0", error.Reason);
        Assert.Equal("$.ticketClasses[1].handling.L2.mean: -3 — must be > 0", error.ToString());
    }

    [Theory]
    [InlineData("""{"kind":"lognormal","mean":10}""", "$.h.stdDev: (missing) — required")]
    [InlineData("""{"kind":"exponential","mean":5,"stdDev":2}""", "$.h.stdDev: 2 — not used by exponential")]
    [InlineData("""{"mean":5}""", "$.h.kind: (missing) — must be one of exponential, lognormal, gamma, fixed, empirical, uniform")]
    [InlineData("""{"kind":"gamma","mean":5,"shape":2}""", "$.h.shape: 2 — give either mean and stdDev, or shape and scale, not both")]
    [InlineData("""{"kind":"gamma","shape":2,"scale":0}""", "$.h.scale: 0 — must be > 0")]
    [InlineData("""{"kind":"uniform","min":5,"max":5}""", "$.h.max: 5 — must be > min (5)")]
    [InlineData("""{"kind":"fixed","value":-1}""", "$.h.value: -1 — must be >= 0")]
    [InlineData("""{"kind":"empirical"}""", "$.h.values: (missing) — empirical needs values or points")]
    [InlineData("""{"kind":"empirical","values":[]}""", "$.h.values: [] — must not be empty")]
    [InlineData("""{"kind":"empirical","values":[1,-2]}""", "$.h.values[1]: -2 — must be >= 0")]
    [InlineData("""{"kind":"empirical","points":[{"value":1,"weight":-1}]}""", "$.h.points[0].weight: -1 — must be >= 0")]
    [InlineData("""{"kind":"empirical","points":[{"value":1,"weight":0}]}""", "$.h.points: [1 items] — weights must not all be zero")]
    public void Invalid_specs_from_json_are_reported(string json, string expected)
    {
        var spec = JsonSerializer.Deserialize<DistributionSpec>(json, SupportQueueJson.Options)!;
        var errors = spec.Validate("$.h");
        Assert.Contains(expected, errors.Select(e => e.ToString()));
        Assert.Throws<ArgumentException>(() => spec.CreateSampler());
    }
}
