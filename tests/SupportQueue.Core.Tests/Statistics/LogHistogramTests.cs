using SupportQueue.Core.Randomness;
using SupportQueue.Core.Statistics;

namespace SupportQueue.Core.Tests.Statistics;

public class LogHistogramTests
{
    [Fact]
    public void Quantiles_are_within_the_relative_error_of_the_exact_nearest_rank_values()
    {
        var histogram = new LogHistogram(1e-3, 1e5);
        var rng = RandomStream.Create(4, StreamId.Patience, 0);
        var sampler = DistributionSpec.Lognormal(3, 6).CreateSampler();
        var values = new double[500_000];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = sampler.Sample(rng);
            histogram.Record(values[i]);
        }

        Array.Sort(values);
        foreach (var p in new[] { 0.01, 0.1, 0.5, 0.8, 0.9, 0.95, 0.99, 0.999 })
        {
            var exact = values[(int)Math.Ceiling(p * values.Length) - 1];
            var estimate = histogram.Quantile(p);
            Assert.InRange(Math.Abs(estimate - exact) / exact, 0, histogram.RelativeError);
        }

        Assert.Equal(values[0], histogram.Quantile(0));
        Assert.Equal(values[^1], histogram.Quantile(1));
        Assert.Equal(values.Average(), histogram.Mean, 9);
        Assert.Equal(values.Length, histogram.Count);
    }

    [Fact]
    public void Zeros_and_out_of_range_values_are_kept_and_reported_sensibly()
    {
        var histogram = new LogHistogram(0.01, 100);
        for (var i = 0; i < 60; i++)
        {
            histogram.Record(0);
        }

        for (var i = 0; i < 40; i++)
        {
            histogram.Record(5000);
        }

        Assert.Equal(0.0, histogram.Quantile(0.5));
        Assert.Equal(0.0, histogram.Quantile(0.6));
        Assert.Equal(5000.0, histogram.Quantile(0.61));
        Assert.Throws<ArgumentOutOfRangeException>(() => histogram.Record(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => histogram.Record(double.NaN));
    }

    [Fact]
    public void Merge_equals_recording_everything_in_one()
    {
        var one = new LogHistogram(1e-3, 1e4);
        var a = new LogHistogram(1e-3, 1e4);
        var b = new LogHistogram(1e-3, 1e4);
        var rng = RandomStream.Create(6, StreamId.Handling, 0);
        for (var i = 0; i < 10_000; i++)
        {
            var value = rng.NextExponential() * 3;
            one.Record(value);
            (i % 3 == 0 ? a : b).Record(value);
        }

        a.Merge(b);
        foreach (var p in new[] { 0.0, 0.25, 0.5, 0.9, 0.99, 1.0 })
        {
            Assert.Equal(one.Quantile(p), a.Quantile(p));
        }

        Assert.Throws<ArgumentException>(() => a.Merge(new LogHistogram(1e-2, 1e4)));
        a.Reset();
        Assert.Equal(0, a.Count);
        Assert.True(double.IsNaN(a.Quantile(0.5)));
    }

    [Fact]
    public void Recording_allocates_nothing()
    {
        var histogram = new LogHistogram(1e-3, 1e6);
        histogram.Record(1);
        var value = 0.0001;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000_000; i++)
        {
            histogram.Record(value);
            value = value * 1.0001 + 0.0001;
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
