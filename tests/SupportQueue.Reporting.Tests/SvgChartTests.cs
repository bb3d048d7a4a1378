using System.Xml.Linq;

namespace SupportQueue.Reporting.Tests;

public class SvgChartTests
{
    private static readonly XNamespace _svg = "http://www.w3.org/2000/svg";

    private static SvgChartSeries Series(string name, params (double X, double Y)[] points) =>
        new(name, points.Select(p => new SvgChartPoint(p.X, p.Y)).ToList());

    [Fact]
    public void Line_chart_is_well_formed_with_a_polyline_and_legend_entry_per_series()
    {
        var chart = new SvgChart
        {
            Title = "Latency <submit> & co",
            XLabel = "elapsed (s)",
            YLabel = "ms",
            Series = [Series("p50", (0, 1), (1, 2), (2, 3)), Series("p99", (0, 5), (1, 9), (2, 7))],
        };

        var doc = XElement.Parse(chart.Render());

        Assert.Equal(_svg + "svg", doc.Name);
        Assert.Equal("Latency <submit> & co", doc.Element(_svg + "title")!.Value);
        var lines = doc.Descendants(_svg + "polyline").ToList();
        Assert.Equal(["p50", "p99"], lines.Select(l => (string?)l.Attribute("data-series")));
        Assert.Equal(3, lines[0].Attribute("points")!.Value.Split(' ').Length);
        Assert.Equal(["p50", "p99"], doc.Descendants(_svg + "text").Where(t => (string?)t.Attribute("class") == "legend").Select(t => t.Value));
        Assert.Contains(doc.Descendants(_svg + "text"), t => t.Value == "elapsed (s)");
        Assert.NotEqual(lines[0].Attribute("stroke")!.Value, lines[1].Attribute("stroke")!.Value);
    }

    [Fact]
    public void Step_line_holds_each_value_until_the_next_x()
    {
        var chart = new SvgChart { Series = [Series("silo-a", (0, 1), (1, 4), (2, 2)) with { StepLine = true }] };

        var line = XElement.Parse(chart.Render()).Descendants(_svg + "polyline").Single();
        var points = line.Attribute("points")!.Value.Split(' ').Select(p => p.Split(',')).ToList();

        Assert.Equal(5, points.Count);
        // Horizontal then vertical: the inserted corner shares x with the next point and y with the previous.
        Assert.Equal(points[2][0], points[1][0]);
        Assert.Equal(points[0][1], points[1][1]);
    }

    [Fact]
    public void Target_line_is_drawn_inside_the_axis_range_with_its_label()
    {
        var chart = new SvgChart
        {
            TargetLine = 20,
            TargetLabel = "p99 < 20ms",
            Series = [Series("p99", (0, 5), (1, 8))],
        };

        var doc = XElement.Parse(chart.Render());

        Assert.Single(doc.Descendants(_svg + "line"), l => (string?)l.Attribute("class") == "target");
        Assert.Contains(doc.Descendants(_svg + "text"), t => t.Value == "p99 < 20ms");
        // The axis grows to include the target, so the top tick is at least 20.
        Assert.Contains(doc.Descendants(_svg + "text"), t => t.Value is "20" or "25");
    }

    [Fact]
    public void Bar_chart_draws_a_rect_per_point_grouped_by_category()
    {
        var names = new[] { "submit", "assign", "resolve" };
        var chart = new SvgChart
        {
            Kind = SvgChartKind.Bar,
            XTickFormat = x => names[(int)x],
            Series = [Series("p50", (0, 1), (1, 2), (2, 3)), Series("p99", (0, 4), (1, 5), (2, 6))],
        };

        var doc = XElement.Parse(chart.Render());
        var groups = doc.Descendants(_svg + "g").Where(g => (string?)g.Attribute("class") == "series").ToList();

        Assert.Equal(2, groups.Count);
        Assert.All(groups, g => Assert.Equal(3, g.Elements(_svg + "rect").Count()));
        Assert.Equal(names, doc.Descendants(_svg + "text").Select(t => t.Value).Where(names.Contains));
        var heights = groups[1].Elements(_svg + "rect").Select(r => double.Parse(r.Attribute("height")!.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(heights[0] < heights[1] && heights[1] < heights[2]);
    }

    [Fact]
    public void Empty_chart_says_no_data_and_is_still_valid()
    {
        var doc = XElement.Parse(new SvgChart { Title = "nothing", Series = [Series("a")] }.Render());

        Assert.Contains(doc.Descendants(_svg + "text"), t => t.Value == "no data");
        Assert.Empty(doc.Descendants(_svg + "polyline"));
    }

    [Fact]
    public void Single_point_and_flat_series_do_not_divide_by_zero()
    {
        var svg = new SvgChart { Series = [Series("one", (3, 3)), Series("flat", (3, 0))] }.Render();

        Assert.DoesNotContain("NaN", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("Infinity", svg, StringComparison.Ordinal);
        Assert.Contains("<circle", svg, StringComparison.Ordinal);
    }
}
