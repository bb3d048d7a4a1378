using System.Xml.Linq;
using SupportQueue.Reporting.Planning;

namespace SupportQueue.Reporting.Tests.Planning;

public class SvgHeatMapTests
{
    private static readonly XNamespace _svg = "http://www.w3.org/2000/svg";

    private static List<XElement> Cells(XElement doc) =>
        [.. doc.Descendants(_svg + "rect").Where(r => (string?)r.Attribute("class") == "cell")];

    [Fact]
    public void One_cell_per_value_with_its_tooltip_and_row_labels()
    {
        var map = new SvgHeatMap
        {
            Title = "L1 <scheduled − required>",
            RowLabels = ["Mon", "Tue"],
            ColumnLabels = ["08:00", "08:30", "09:00"],
            Values = [[-2, 0, 3], [null, 1, -1]],
            Tooltips = [["a", "b", "c"], ["d", "e", "f & g"]],
        };

        var doc = XElement.Parse(map.Render());

        var cells = Cells(doc);
        Assert.Equal(6, cells.Count);
        Assert.Equal(["a", "b", "c", "d", "e", "f & g"], cells.Select(c => c.Element(_svg + "title")!.Value));
        Assert.Equal(["-2", "0", "3", null, "1", "-1"], cells.Select(c => (string?)c.Attribute("data-value")));
        Assert.Equal(["Mon", "Tue"], doc.Descendants(_svg + "text").Where(t => (string?)t.Attribute("class") == "row").Select(t => t.Value));
        Assert.Equal("L1 <scheduled − required>", doc.Element(_svg + "title")!.Value);
    }

    [Fact]
    public void Diverging_scale_is_white_at_zero_red_when_short_blue_when_over_and_grey_without_data()
    {
        var map = new SvgHeatMap { Values = [[-4, 0, 4, null]], Tooltips = null };

        var fills = Cells(XElement.Parse(map.Render())).Select(c => (string)c.Attribute("fill")!).ToList();

        Assert.Equal("#ffffff", fills[1]);
        Assert.Equal("#d62728", fills[0]);
        Assert.Equal("#1f77b4", fills[2]);
        Assert.Equal("#f0f0f0", fills[3]);
    }

    [Fact]
    public void Diverging_range_is_symmetric_so_a_small_shortfall_is_pale_beside_a_large_surplus()
    {
        var map = new SvgHeatMap { Values = [[-1, 10]] };

        var (low, high) = map.Range();

        Assert.Equal(-10, low);
        Assert.Equal(10, high);
        var shortColour = map.Colour(-1, low, high);
        Assert.NotEqual("#ffffff", shortColour);
        Assert.NotEqual("#d62728", shortColour);
    }

    [Fact]
    public void Sequential_scale_runs_from_white_at_the_minimum_to_dark_blue_at_the_maximum()
    {
        var map = new SvgHeatMap { Scale = HeatMapScale.Sequential, Values = [[2, 7, 12]] };

        var fills = Cells(XElement.Parse(map.Render())).Select(c => (string)c.Attribute("fill")!).ToList();

        Assert.Equal(["#ffffff", "#08306b"], new[] { fills[0], fills[2] });
        Assert.NotEqual(fills[0], fills[1]);
    }

    [Fact]
    public void Values_are_written_in_cells_wide_enough_and_left_out_of_narrow_ones()
    {
        var wide = new SvgHeatMap { Width = 400, Values = [[1.5, -3]] };
        var narrow = new SvgHeatMap { Width = 200, Values = [[.. Enumerable.Repeat<double?>(123.4, 60)]] };

        static List<string> Written(SvgHeatMap map) =>
            [.. XElement.Parse(map.Render()).Descendants(_svg + "text").Where(t => (string?)t.Attribute("class") == "value").Select(t => t.Value)];

        Assert.Equal(["1.5", "-3"], Written(wide));
        Assert.Empty(Written(narrow));
    }

    [Fact]
    public void Empty_map_renders_well_formed()
    {
        var doc = XElement.Parse(new SvgHeatMap { Title = "nothing" }.Render());

        Assert.Empty(Cells(doc));
    }
}
