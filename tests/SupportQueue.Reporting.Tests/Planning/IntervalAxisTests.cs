using SupportQueue.Reporting.Planning;

namespace SupportQueue.Reporting.Tests.Planning;

public class IntervalAxisTests
{
    [Fact]
    public void A_week_is_measured_in_days_with_midnight_ticks_named_by_day()
    {
        var axis = new IntervalAxis(new DateTime(2026, 11, 23), 30, 7 * 48);

        Assert.True(axis.MultiDay);
        Assert.Equal(4.5, axis.X(4 * 48 + 24));
        Assert.Equal("Fri 27 Nov", axis.Tick(4));
        Assert.Equal("Fri 12:00", axis.Tick(4.5));
    }

    [Fact]
    public void A_day_is_measured_in_hours()
    {
        var axis = new IntervalAxis(new DateTime(2026, 3, 2), 15, 96);

        Assert.False(axis.MultiDay);
        Assert.Equal(2.25, axis.X(9));
        Assert.Equal("02:15", axis.Tick(2.25));
    }

    [Fact]
    public void Series_leave_out_intervals_without_a_value()
    {
        var axis = new IntervalAxis(new DateTime(2026, 3, 2), 60, 4);
        double?[] values = [1, null, double.NaN, 4];

        var series = axis.Series("L1", i => values[i], step: true);

        Assert.Equal([(0.0, 1.0), (3.0, 4.0)], series.Points.Select(p => (p.X, p.Y)));
        Assert.True(series.StepLine);
    }
}
