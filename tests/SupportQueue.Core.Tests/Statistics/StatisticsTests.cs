using SupportQueue.Core.Randomness;
using SupportQueue.Core.Statistics;
using SupportQueue.Core.Tests.TestSupport;

namespace SupportQueue.Core.Tests.Statistics;

public class StatisticsTests
{
    [Fact]
    public void Welford_gives_mean_and_sample_variance_and_merges()
    {
        var all = new RunningStatistics();
        var left = new RunningStatistics();
        var right = new RunningStatistics();
        double[] data = [2, 4, 4, 4, 5, 5, 7, 9];
        for (var i = 0; i < data.Length; i++)
        {
            all.Add(data[i]);
            (i < 3 ? left : right).Add(data[i]);
        }

        Assert.Equal(5.0, all.Mean, 12);
        Assert.Equal(32.0 / 7, all.Variance, 12);
        Assert.Equal(2.0, all.Min);
        Assert.Equal(9.0, all.Max);

        left.Merge(right);
        Assert.Equal(all.Count, left.Count);
        Assert.Equal(all.Mean, left.Mean, 12);
        Assert.Equal(all.Variance, left.Variance, 12);
        Assert.Equal(all.Min, left.Min);
        Assert.Equal(all.Max, left.Max);
    }

    [Fact]
    public void Welford_is_stable_with_a_large_offset()
    {
        var stats = new RunningStatistics();
        for (var i = 0; i < 1000; i++)
        {
            stats.Add(1e9 + (i % 2 == 0 ? 1 : -1));
        }

        Assert.Equal(1e9, stats.Mean, 6);
        Assert.Equal(1000.0 / 999, stats.Variance, 9);
    }

    [Fact]
    public void Confidence_interval_uses_student_t()
    {
        var ci = ConfidenceInterval.FromSample([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
        Assert.Equal(5.5, ci.Mean, 12);
        Assert.Equal(2.262157163 * Math.Sqrt(55.0 / 6) / Math.Sqrt(10), ci.HalfWidth, 8);
        Assert.True(ci.Contains(4) && !ci.Contains(3));
        Assert.True(double.IsPositiveInfinity(ConfidenceInterval.FromSample([3.0]).HalfWidth));
    }

    [Fact]
    public void Confidence_interval_covers_the_true_mean_about_95_percent_of_the_time()
    {
        var rng = RandomStream.Create(77, StreamId.Handling, 0);
        var sampler = DistributionSpec.Exponential(1).CreateSampler();
        var covered = 0;
        const int Trials = 2000;
        var sample = new double[30];
        for (var trial = 0; trial < Trials; trial++)
        {
            for (var i = 0; i < sample.Length; i++)
            {
                // Means of 10 exponentials are close enough to normal for the t interval.
                var sum = 0.0;
                for (var j = 0; j < 10; j++)
                {
                    sum += sampler.Sample(rng);
                }

                sample[i] = sum / 10;
            }

            covered += ConfidenceInterval.FromSample(sample).Contains(1.0) ? 1 : 0;
        }

        var sd = Math.Sqrt(0.95 * 0.05 / Trials);
        Assert.InRange(covered / (double)Trials, 0.95 - 4 * sd - 0.01, 0.95 + 4 * sd);
    }

    [Fact]
    public void Percentile_interpolates_linearly_between_order_statistics()
    {
        double[] sorted = [1, 2, 3, 4];
        Assert.Equal(1.0, Percentile.OfSorted(sorted, 0));
        Assert.Equal(1.75, Percentile.OfSorted(sorted, 0.25), 12);
        Assert.Equal(2.5, Percentile.OfSorted(sorted, 0.5), 12);
        Assert.Equal(3.7, Percentile.OfSorted(sorted, 0.9), 12);
        Assert.Equal(4.0, Percentile.OfSorted(sorted, 1));
        Assert.Equal(7.0, Percentile.OfSorted([7.0], 0.3));
        Assert.Equal(2.5, Percentile.Of([4, 1, 3, 2], 0.5), 12);
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentile.OfSorted(sorted, 1.5));
    }

    [Theory]
    [InlineData(3.841458820694124, 1, 0.05)]
    [InlineData(18.307038053275146, 10, 0.05)]
    [InlineData(6.634896601021214, 1, 0.01)]
    [InlineData(4.0, 2, 0.1353352832366127)]
    [InlineData(0.0, 5, 1.0)]
    [InlineData(553.1268, 500, 0.05)]
    public void Chi_square_survival_function_matches_known_values(double x, int df, double p)
    {
        Assert.Equal(p, ChiSquare.SurvivalFunction(x, df), 5);
    }

    [Fact]
    public void Chi_square_goodness_of_fit_statistic_and_degrees_of_freedom()
    {
        var result = ChiSquare.GoodnessOfFit([10, 20, 30], [20.0, 20.0, 20.0]);
        Assert.Equal(10.0, result.Statistic, 12);
        Assert.Equal(2, result.DegreesOfFreedom);
        Assert.Equal(Math.Exp(-5), result.PValue, 12);
        Assert.Equal(3, ChiSquare.GoodnessOfFit([10, 20, 30], [20.0, 20.0, 20.0], constraints: 0).DegreesOfFreedom);
        Assert.Throws<ArgumentOutOfRangeException>(() => ChiSquare.GoodnessOfFit([1, 2], [1.0, 0.0]));
    }
}
