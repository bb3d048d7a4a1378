using SupportQueue.Reporting.Planning;

namespace SupportQueue.Reporting.Tests.Planning;

public class DayTimeGridTests
{
    [Fact]
    public void A_week_of_half_hours_folds_into_seven_rows_of_48()
    {
        var grid = DayTimeGrid.For(new DateTime(2026, 11, 23), 30, 7 * 48);

        var rows = grid.Fold([.. Enumerable.Range(0, 7 * 48).Select(i => (double?)i)]);

        Assert.Equal(7, rows.Count);
        Assert.All(rows, r => Assert.Equal(48, r.Count));
        Assert.Equal(0, rows[0][0]);
        Assert.Equal(48 + 19, rows[1][19]);
        Assert.Equal("Mon 23 Nov", grid.DayLabels[0]);
        Assert.Equal("Sun 29 Nov", grid.DayLabels[6]);
        Assert.Equal("09:30", grid.TimeLabels[19]);
    }

    [Fact]
    public void A_grid_starting_mid_day_leaves_the_cells_before_it_and_after_it_empty()
    {
        var grid = DayTimeGrid.For(new DateTime(2026, 3, 2, 22, 0, 0), 60, 4);

        var rows = grid.Fold([1, 2, 3, 4]);

        Assert.Equal(2, rows.Count);
        Assert.Null(rows[0][21]);
        Assert.Equal([1, 2], new[] { rows[0][22], rows[0][23] });
        Assert.Equal([3, 4], new[] { rows[1][0], rows[1][1] });
        Assert.Null(rows[1][2]);
        Assert.Equal((1, 1), grid.Cell(3));
    }
}
