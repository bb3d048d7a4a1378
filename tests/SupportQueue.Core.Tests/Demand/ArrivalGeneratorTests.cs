using SupportQueue.Core.Demand;
using SupportQueue.Core.Randomness;
using SupportQueue.Core.Tests.TestSupport;

namespace SupportQueue.Core.Tests.Demand;

public class ArrivalGeneratorTests
{
    private static readonly DateTime _monday = new(2026, 11, 23);

    private static DemandProfile WeekProfile() => new()
    {
        BaseVolume = 40,
        IntervalMinutes = 15,
        Intraday = [0.5, 0.4, 0.4, 0.4, 0.5, 0.6, 0.8, 1.0, 1.4, 1.8, 1.9, 1.8, 1.5, 1.6, 1.7, 1.6, 1.4, 1.2, 1.0, 0.9, 0.8, 0.7, 0.6, 0.5],
        DayOfWeek = [1.2, 1.1, 1.0, 1.0, 0.9, 0.6, 0.5],
        Events = [new DemandEvent { Name = "Flash sale", From = _monday.AddDays(2).AddHours(14), To = _monday.AddDays(2).AddHours(14.5), Factor = 4 }],
    };

    [Fact]
    public void Counts_per_interval_match_the_profile_by_chi_square_including_a_short_peak()
    {
        var rate = new RateFunction(WeekProfile(), _monday, 7 * 1440);
        var observed = CountPerSegment(rate, new ArrivalGenerator(rate, RandomStream.Create(20261123, StreamId.Arrivals, 0)).NextArrival);

        var expected = new double[rate.SegmentCount];
        for (var i = 0; i < expected.Length; i++)
        {
            expected[i] = rate.ExpectedCount(rate.SegmentStart(i), rate.SegmentEnd(i));
            Assert.True(expected[i] >= 5, "keep cells large enough for the chi-square approximation");
        }

        // Independent Poisson cells with known means: no constraint on the total.
        var test = ChiSquare.GoodnessOfFit(observed, expected, constraints: 0);
        Assert.True(test.PValue > 0.001, $"chi2 = {test.Statistic}, df = {test.DegreesOfFreedom}, p = {test.PValue}");
        Assert.InRange(observed.Sum(), rate.TotalExpected - 4 * Math.Sqrt(rate.TotalExpected), rate.TotalExpected + 4 * Math.Sqrt(rate.TotalExpected));

        var peakStart = rate.SegmentIndex(2 * 1440 + 14 * 60);
        var peakExpected = expected[peakStart] + expected[peakStart + 1];
        Assert.Equal(4 * expected[peakStart + 2], expected[peakStart], 9);
        Assert.InRange(observed[peakStart] + observed[peakStart + 1], peakExpected - 4 * Math.Sqrt(peakExpected), peakExpected + 4 * Math.Sqrt(peakExpected));
    }

    [Fact]
    public void A_short_daily_peak_is_not_under_sampled_while_drawing_gaps_from_the_current_rate_is()
    {
        // Quiet desk (2 per quarter hour, mean gap 7.5 min) with a 30-minute ×4 peak every day at 10:00.
        var intraday = Enumerable.Repeat(1.0, 96).ToArray();
        intraday[40] = intraday[41] = 4.0;
        var profile = new DemandProfile { BaseVolume = 2, Intraday = intraday };
        var days = 60;
        var rate = new RateFunction(profile, _monday, days * 1440);
        var peakExpected = Enumerable.Range(0, days).Sum(d => rate.ExpectedCount(d * 1440 + 600, d * 1440 + 630));
        var tolerance = 4 * Math.Sqrt(peakExpected);

        var exact = new ArrivalGenerator(rate, RandomStream.Create(1, StreamId.Arrivals, 0));
        Assert.InRange(CountInPeaks(exact.NextArrival), peakExpected - tolerance, peakExpected + tolerance);

        // The anti-pattern the design forbids: the gap that crosses into the peak was drawn at the
        // quiet rate, so the start of every peak is skipped.
        var naiveRng = RandomStream.Create(1, StreamId.Arrivals, 0);
        double Naive(double after)
        {
            var next = after + naiveRng.NextExponential() / rate.Rate(after);
            return next < rate.HorizonMinutes ? next : double.PositiveInfinity;
        }

        Assert.True(CountInPeaks(Naive) < peakExpected - tolerance);

        long CountInPeaks(Func<double, double> next)
        {
            var count = 0L;
            for (var t = next(0); !double.IsPositiveInfinity(t); t = next(t))
            {
                var minuteOfDay = t % 1440;
                count += minuteOfDay is >= 600 and < 630 ? 1 : 0;
            }

            return count;
        }
    }

    [Fact]
    public void Same_seed_gives_the_same_arrivals_and_other_streams_differ()
    {
        var rate = new RateFunction(WeekProfile(), _monday, 1440);
        var a = Arrivals(new ArrivalGenerator(rate, RandomStream.Create(5, StreamId.Arrivals, 2)));
        var b = Arrivals(new ArrivalGenerator(rate, RandomStream.Create(5, StreamId.Arrivals, 2)));
        var c = Arrivals(new ArrivalGenerator(rate, RandomStream.Create(5, StreamId.Handling, 2)));
        var d = Arrivals(new ArrivalGenerator(rate, RandomStream.Create(5, StreamId.Arrivals, 3)));
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.NotEqual(a, d);
        Assert.True(a.Zip(a.Skip(1)).All(p => p.First < p.Second));

        static List<double> Arrivals(ArrivalGenerator generator)
        {
            var list = new List<double>();
            for (var t = generator.NextArrival(0); !double.IsPositiveInfinity(t); t = generator.NextArrival(t))
            {
                list.Add(t);
            }

            return list;
        }
    }

    [Fact]
    public void Returns_infinity_at_the_horizon_and_skips_closed_periods()
    {
        var intraday = new double[48];
        intraday[20] = 1;
        var profile = new DemandProfile { BaseVolume = 50, IntervalMinutes = 30, Intraday = intraday };
        var rate = new RateFunction(profile, _monday, 3 * 1440);
        var generator = new ArrivalGenerator(rate, RandomStream.Create(3, StreamId.Arrivals, 0));

        Assert.True(double.IsPositiveInfinity(generator.NextArrival(3 * 1440)));
        Assert.True(double.IsPositiveInfinity(generator.NextArrival(2 * 1440 + 630)));
        for (var t = generator.NextArrival(0); !double.IsPositiveInfinity(t); t = generator.NextArrival(t))
        {
            Assert.InRange(t % 1440, 600, 630);
        }
    }

    [Fact]
    public void Generating_arrivals_allocates_nothing()
    {
        var rate = new RateFunction(WeekProfile(), _monday, 7 * 1440);
        var generator = new ArrivalGenerator(rate, RandomStream.Create(8, StreamId.Arrivals, 0));
        generator.NextArrival(0);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var count = 0;
        for (var t = generator.NextArrival(0); !double.IsPositiveInfinity(t); t = generator.NextArrival(t))
        {
            count++;
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(count > 20_000);
    }

    private static long[] CountPerSegment(RateFunction rate, Func<double, double> next)
    {
        var counts = new long[rate.SegmentCount];
        for (var t = next(0); !double.IsPositiveInfinity(t); t = next(t))
        {
            counts[rate.SegmentIndex(t)]++;
        }

        return counts;
    }
}
