using SupportQueue.Core.Randomness;
using SupportQueue.Core.Statistics;
using SupportQueue.Core.Tests.TestSupport;

namespace SupportQueue.Core.Tests.Randomness;

public class RandomStreamTests
{
    [Fact]
    public void Seed_zero_matches_reference_xoshiro256starstar_seeded_by_splitmix64()
    {
        // Values from an independent implementation of the published algorithms; pins the
        // generator bit for bit, so sequences are the same on every platform and release.
        var rng = new RandomStream(0);
        Assert.Equal(0x99ec5f36cb75f2b4UL, rng.NextUInt64());
        Assert.Equal(0xbf6e1f784956452aUL, rng.NextUInt64());
        Assert.Equal(0x1a5f849d4933e6e0UL, rng.NextUInt64());
    }

    [Fact]
    public void Same_seed_stream_and_replication_give_the_same_sequence()
    {
        var a = RandomStream.Create(42, StreamId.Handling, 3);
        var b = RandomStream.Create(42, StreamId.Handling, 3);
        for (var i = 0; i < 1000; i++)
        {
            Assert.Equal(a.NextUInt64(), b.NextUInt64());
        }
    }

    [Fact]
    public void Different_streams_replications_and_seeds_give_different_sequences()
    {
        var firsts = new HashSet<ulong>();
        foreach (var stream in Enum.GetValues<StreamId>())
        {
            for (var replication = 0; replication < 20; replication++)
            {
                Assert.True(firsts.Add(RandomStream.Create(7, stream, replication).NextUInt64()));
            }
        }

        Assert.True(firsts.Add(RandomStream.Create(8, StreamId.Arrivals, 0).NextUInt64()));
        Assert.NotEqual(FirstN(RandomStream.Create(7, StreamId.Arrivals, 0)), FirstN(RandomStream.Create(7, StreamId.Handling, 0)));

        static ulong[] FirstN(RandomStream rng) => [rng.NextUInt64(), rng.NextUInt64(), rng.NextUInt64()];
    }

    [Fact]
    public void Doubles_stay_in_their_ranges_and_are_uniform()
    {
        var rng = RandomStream.Create(1, StreamId.Arrivals, 0);
        var observed = new long[100];
        for (var i = 0; i < 200_000; i++)
        {
            var open = rng.NextOpenDouble();
            Assert.True(open is > 0.0 and < 1.0);
            var halfOpen = rng.NextDouble();
            Assert.True(halfOpen is >= 0.0 and < 1.0);
            observed[(int)(halfOpen * 100)]++;
        }

        var expected = Enumerable.Repeat(2000.0, 100).ToArray();
        Assert.True(ChiSquare.GoodnessOfFit(observed, expected).PValue > 0.001);
    }

    [Fact]
    public void NextInt_is_in_range_and_unbiased()
    {
        var rng = RandomStream.Create(2, StreamId.Routing, 0);
        Assert.Equal(0, rng.NextInt(1));
        var observed = new long[7];
        for (var i = 0; i < 70_000; i++)
        {
            observed[rng.NextInt(7)]++;
        }

        Assert.True(ChiSquare.GoodnessOfFit(observed, Enumerable.Repeat(10_000.0, 7).ToArray()).PValue > 0.001);
        Assert.Throws<ArgumentOutOfRangeException>(() => rng.NextInt(0));

        // A bound near 2^31 exercises the rejection path: the top half must not be favoured.
        var large = int.MaxValue - 1;
        var upper = 0;
        for (var i = 0; i < 10_000; i++)
        {
            var value = rng.NextInt(large);
            Assert.InRange(value, 0, large - 1);
            upper += value >= large / 2 ? 1 : 0;
        }

        Assert.InRange(upper, 5000 - 4 * 50, 5000 + 4 * 50);
    }

    [Fact]
    public void Standard_normal_has_zero_mean_and_unit_variance()
    {
        var rng = RandomStream.Create(3, StreamId.Handling, 0);
        var stats = new RunningStatistics();
        for (var i = 0; i < 200_000; i++)
        {
            stats.Add(rng.NextStandardNormal());
        }

        Assert.InRange(stats.Mean, -4 * stats.StandardError, 4 * stats.StandardError);
        Assert.InRange(stats.Variance, 1 - 4 * Math.Sqrt(2.0 / 200_000), 1 + 4 * Math.Sqrt(2.0 / 200_000));
    }
    [Fact]
    public void Ziggurat_layers_have_equal_area_and_close_at_the_top()
    {
        var layers = ExponentialZiggurat.Layers;
        Assert.Equal(ExponentialZiggurat.R, layers[1].Width);
        Assert.Equal(0, layers[ExponentialZiggurat.LayerCount].Width);
        for (var i = 1; i < ExponentialZiggurat.LayerCount; i++)
        {
            Assert.True(layers[i + 1].Width < layers[i].Width);

            // Each layer's rectangle (width × height between the densities at its edges) has area V.
            var area = layers[i].Width * (layers[i + 1].Density - layers[i].Density);
            Assert.Equal(ExponentialZiggurat.V, area, 12);
        }
    }

    [Fact]
    public void Exponential_draws_follow_exp_1_across_the_range_and_the_tail()
    {
        var rng = RandomStream.Create(11, StreamId.Arrivals, 0);
        const int Draws = 2_000_000;

        // 50 bins of equal probability, then the far tail beyond the ziggurat's base (x > R) on its
        // own: the tail holds e^−R ≈ 4.5e−4 of the mass and is drawn by a separate path.
        const int Bins = 50;
        var observed = new long[Bins + 1];
        var stats = new RunningStatistics();
        for (var i = 0; i < Draws; i++)
        {
            var x = rng.NextExponential();
            Assert.True(x > 0 && double.IsFinite(x));
            stats.Add(x);
            if (x > ExponentialZiggurat.R)
            {
                observed[Bins]++;
                continue;
            }

            // F(x) = 1 − e^−x, rescaled to the mass below R.
            var p = (1 - Math.Exp(-x)) / (1 - Math.Exp(-ExponentialZiggurat.R));
            observed[Math.Min(Bins - 1, (int)(p * Bins))]++;
        }

        var tail = Math.Exp(-ExponentialZiggurat.R);
        var expected = Enumerable.Repeat(Draws * (1 - tail) / Bins, Bins).Append(Draws * tail).ToArray();
        Assert.True(ChiSquare.GoodnessOfFit(observed, expected).PValue > 0.001);
        Assert.InRange(stats.Mean, 1 - 4 * stats.StandardError, 1 + 4 * stats.StandardError);
        Assert.InRange(stats.Variance, 1 - 4 * Math.Sqrt(8.0 / Draws), 1 + 4 * Math.Sqrt(8.0 / Draws));
    }
}
