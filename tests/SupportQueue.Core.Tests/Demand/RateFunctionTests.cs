using SupportQueue.Core.Demand;

namespace SupportQueue.Core.Tests.Demand;

public class RateFunctionTests
{
    private static readonly DateTime _monday = new(2026, 11, 23);

    [Fact]
    public void Rate_multiplies_base_intraday_day_of_week_season_and_events()
    {
        // 24 hourly weights stretched over 96 quarter hours; their mean is 1.5, so 3 → 2 after normalisation.
        var hourly = Enumerable.Repeat(1.0, 24).ToArray();
        hourly[10] = 3.0;
        hourly[11] = 2.0;
        var mean = hourly.Average();
        var profile = new DemandProfile
        {
            BaseVolume = 15,
            IntervalMinutes = 15,
            Intraday = hourly,
            DayOfWeek = [1.0, 1.1, 1.2, 1.3, 0.8, 0.5, 0.25],
            Seasons = [new SeasonalFactor { From = new DateOnly(2026, 11, 26), To = new DateOnly(2026, 11, 27), Factor = 1.5 }],
            Events = [new DemandEvent { Name = "Black Friday", From = new DateTime(2026, 11, 27, 10, 0, 0), To = new DateTime(2026, 11, 27, 10, 30, 0), Factor = 4 }],
        };
        var rate = new RateFunction(profile, _monday, 7 * 1440);

        double At(int day, int hour, int minute) => rate.Rate(day * 1440 + hour * 60 + minute + 0.5);

        Assert.Equal(1.0 / mean, At(0, 3, 0), 12);
        Assert.Equal(3.0 / mean * 1.1, At(1, 10, 45), 12);
        Assert.Equal(1.0 / mean * 1.3 * 1.5, At(3, 0, 0), 12);
        Assert.Equal(3.0 / mean * 0.8 * 1.5 * 4, At(4, 10, 0), 12);
        Assert.Equal(3.0 / mean * 0.8 * 1.5 * 4, At(4, 10, 15), 12);
        Assert.Equal(3.0 / mean * 0.8 * 1.5, At(4, 10, 30), 12);
        Assert.Equal(2.0 / mean * 0.8 * 1.5, At(4, 11, 0), 12);
        Assert.Equal(1.0 / mean * 0.25, At(6, 23, 59), 12);
        Assert.Equal(0.0, rate.Rate(7 * 1440));
        Assert.Equal(0.0, rate.Rate(-1));

        // A factor-1 day carries baseVolume tickets per interval on average.
        Assert.Equal(15.0 * 96, rate.ExpectedCount(0, 1440), 9);
    }

    [Fact]
    public void Thirty_minute_intervals_and_a_flat_profile()
    {
        var profile = new DemandProfile { BaseVolume = 30, IntervalMinutes = 30 };
        var rate = new RateFunction(profile, _monday, 1440);
        Assert.Equal(48, rate.SegmentCount);
        Assert.Equal(1.0, rate.Rate(100), 12);
        Assert.Equal(1440.0, rate.TotalExpected, 9);
    }

    [Fact]
    public void A_start_off_the_interval_grid_gives_partial_first_and_last_segments()
    {
        var intraday = new double[96];
        for (var i = 0; i < 96; i++)
        {
            intraday[i] = i + 1;
        }

        var profile = new DemandProfile { BaseVolume = 10, Intraday = intraday };
        var rate = new RateFunction(profile, _monday.AddMinutes(7), 60);

        Assert.Equal(5, rate.SegmentCount);
        Assert.Equal(0.0, rate.SegmentStart(0));
        Assert.Equal(8.0, rate.SegmentEnd(0));
        Assert.Equal(8.0, rate.SegmentStart(1));
        Assert.Equal(53.0, rate.SegmentStart(4));
        Assert.Equal(60.0, rate.SegmentEnd(4));

        // Wall-clock slot 0 (00:00–00:15) holds for the first 8 virtual minutes, slot 1 from 00:15 on.
        var perMinute = 10.0 / 15 / 48.5;
        Assert.Equal(perMinute * 1, rate.Rate(7.9), 12);
        Assert.Equal(perMinute * 2, rate.Rate(8.0), 12);
        Assert.Equal(perMinute * (1 * 8 + 2 * 15 + 3 * 15 + 4 * 15 + 5 * 7), rate.TotalExpected, 12);
        Assert.Equal(perMinute * (1 * 3 + 2 * 10), rate.ExpectedCount(5, 18), 12);
        Assert.Equal(_monday.AddMinutes(37), rate.ToDateTime(30));
        Assert.Equal(30.0, rate.ToMinutes(_monday.AddMinutes(37)), 9);
    }
}
