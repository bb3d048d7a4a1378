using System.Globalization;
using System.Text;

namespace SupportQueue.Reporting;

/// <summary>
/// Builds a self-contained SVG line or bar chart as a string: axes with "nice" ticks, labels, legend,
/// optional horizontal target line. No I/O, no scripts, no external references, so the output can be
/// inlined into an HTML report that has to open offline.
/// </summary>
public sealed class SvgChart
{
    private static readonly string[] _palette =
    [
        "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd",
        "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
    ];

    private const double MarginLeft = 64;
    private const double MarginRight = 16;
    private const double MarginTop = 32;
    private const double MarginBottom = 44;
    private const double LegendRowHeight = 18;

    /// <summary>Chart title, drawn above the plot.</summary>
    public string Title { get; init; } = "";

    /// <summary>Label under the X axis.</summary>
    public string XLabel { get; init; } = "";

    /// <summary>Label beside the Y axis.</summary>
    public string YLabel { get; init; } = "";

    /// <summary>Total width in pixels.</summary>
    public int Width { get; init; } = 800;

    /// <summary>Height of the plot area plus margins, in pixels (the legend adds rows below).</summary>
    public int Height { get; init; } = 300;

    /// <summary>Line or bar chart.</summary>
    public SvgChartKind Kind { get; init; } = SvgChartKind.Line;

    /// <summary>Optional horizontal reference line (e.g. a latency objective).</summary>
    public double? TargetLine { get; init; }

    /// <summary>Label of <see cref="TargetLine"/>.</summary>
    public string? TargetLabel { get; init; }

    /// <summary>Whether the Y axis starts at zero even when all values are far above it.</summary>
    public bool YFromZero { get; init; } = true;

    /// <summary>Formats X tick labels; defaults to a compact invariant number.</summary>
    public Func<double, string>? XTickFormat { get; init; }

    /// <summary>Formats Y tick labels; defaults to a compact invariant number.</summary>
    public Func<double, string>? YTickFormat { get; init; }

    /// <summary>The series to draw, in legend order.</summary>
    public IReadOnlyList<SvgChartSeries> Series { get; init; } = [];

    /// <summary>Renders the chart as an <c>&lt;svg&gt;</c> element.</summary>
    public string Render()
    {
        var series = Series.Where(s => s.Points.Count > 0).ToList();
        var legendRows = Series.Count == 0 ? 0 : (int)Math.Ceiling(Series.Count / (double)LegendColumns());
        var totalHeight = Height + (legendRows * LegendRowHeight) + (legendRows > 0 ? 8 : 0);
        var plotWidth = Math.Max(10, Width - MarginLeft - MarginRight);
        var plotHeight = Math.Max(10, Height - MarginTop - MarginBottom);

        var sb = new StringBuilder(4096);
        sb.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{F(totalHeight)}\" viewBox=\"0 0 {Width} {F(totalHeight)}\" font-family=\"sans-serif\" font-size=\"11\" role=\"img\">");
        sb.Append(CultureInfo.InvariantCulture, $"<title>{Escape(Title)}</title>");
        sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"0\" width=\"{Width}\" height=\"{F(totalHeight)}\" fill=\"#ffffff\"/>");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(Width / 2.0)}\" y=\"18\" text-anchor=\"middle\" font-size=\"14\" font-weight=\"bold\">{Escape(Title)}</text>");

        if (series.Count == 0)
        {
            sb.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{F(Width / 2.0)}\" y=\"{F(MarginTop + (plotHeight / 2))}\" text-anchor=\"middle\" fill=\"#888\">no data</text>");
            AppendLegend(sb);
            sb.Append("</svg>");
            return sb.ToString();
        }

        var categories = Kind == SvgChartKind.Bar
            ? series.SelectMany(s => s.Points).Select(p => p.X).Distinct().Order().ToList()
            : [];

        var (xMin, xMax) = XRange(series, categories);
        var (yMin, yMax) = YRange(series);
        var yTicks = ChartTicks.NiceTicks(yMin, yMax, 5);
        yMin = yTicks[0];
        yMax = yTicks[^1];

        double Sx(double x) => MarginLeft + ((x - xMin) / (xMax - xMin) * plotWidth);
        double Sy(double y) => MarginTop + plotHeight - ((y - yMin) / (yMax - yMin) * plotHeight);

        // Grid and Y axis.
        foreach (var t in yTicks)
        {
            var y = Sy(t);
            sb.Append(CultureInfo.InvariantCulture,
                $"<line x1=\"{F(MarginLeft)}\" y1=\"{F(y)}\" x2=\"{F(MarginLeft + plotWidth)}\" y2=\"{F(y)}\" stroke=\"#e5e5e5\"/>");
            sb.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{F(MarginLeft - 6)}\" y=\"{F(y + 4)}\" text-anchor=\"end\">{Escape(FormatY(t))}</text>");
        }

        // X ticks: every category for bars (thinned when crowded), nice ticks for lines.
        if (Kind == SvgChartKind.Bar)
        {
            var step = Math.Max(1, (int)Math.Ceiling(categories.Count / 12.0));
            for (var i = 0; i < categories.Count; i += step)
            {
                var x = Sx(i + 0.5);
                sb.Append(CultureInfo.InvariantCulture,
                    $"<text x=\"{F(x)}\" y=\"{F(MarginTop + plotHeight + 16)}\" text-anchor=\"middle\">{Escape(FormatX(categories[i]))}</text>");
            }
        }
        else
        {
            foreach (var t in ChartTicks.NiceTicks(xMin, xMax, 8).Where(t => t >= xMin - 1e-9 && t <= xMax + 1e-9))
            {
                var x = Sx(t);
                sb.Append(CultureInfo.InvariantCulture,
                    $"<line x1=\"{F(x)}\" y1=\"{F(MarginTop + plotHeight)}\" x2=\"{F(x)}\" y2=\"{F(MarginTop + plotHeight + 4)}\" stroke=\"#333\"/>");
                sb.Append(CultureInfo.InvariantCulture,
                    $"<text x=\"{F(x)}\" y=\"{F(MarginTop + plotHeight + 16)}\" text-anchor=\"middle\">{Escape(FormatX(t))}</text>");
            }
        }

        // Axes lines.
        sb.Append(CultureInfo.InvariantCulture,
            $"<line x1=\"{F(MarginLeft)}\" y1=\"{F(MarginTop)}\" x2=\"{F(MarginLeft)}\" y2=\"{F(MarginTop + plotHeight)}\" stroke=\"#333\"/>");
        sb.Append(CultureInfo.InvariantCulture,
            $"<line x1=\"{F(MarginLeft)}\" y1=\"{F(MarginTop + plotHeight)}\" x2=\"{F(MarginLeft + plotWidth)}\" y2=\"{F(MarginTop + plotHeight)}\" stroke=\"#333\"/>");
        if (XLabel.Length > 0)
        {
            sb.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{F(MarginLeft + (plotWidth / 2))}\" y=\"{F(MarginTop + plotHeight + 34)}\" text-anchor=\"middle\">{Escape(XLabel)}</text>");
        }

        if (YLabel.Length > 0)
        {
            var cy = MarginTop + (plotHeight / 2);
            sb.Append(CultureInfo.InvariantCulture,
                $"<text x=\"14\" y=\"{F(cy)}\" text-anchor=\"middle\" transform=\"rotate(-90 14 {F(cy)})\">{Escape(YLabel)}</text>");
        }

        if (Kind == SvgChartKind.Bar)
        {
            AppendBars(sb, series, categories, Sx, Sy, yMin);
        }
        else
        {
            AppendLines(sb, series, Sx, Sy);
        }

        if (TargetLine is { } target && target >= yMin && target <= yMax)
        {
            var y = Sy(target);
            sb.Append(CultureInfo.InvariantCulture,
                $"<line class=\"target\" x1=\"{F(MarginLeft)}\" y1=\"{F(y)}\" x2=\"{F(MarginLeft + plotWidth)}\" y2=\"{F(y)}\" stroke=\"#c00\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>");
            if (!string.IsNullOrEmpty(TargetLabel))
            {
                sb.Append(CultureInfo.InvariantCulture,
                    $"<text x=\"{F(MarginLeft + plotWidth - 4)}\" y=\"{F(y - 4)}\" text-anchor=\"end\" fill=\"#c00\">{Escape(TargetLabel)}</text>");
            }
        }

        AppendLegend(sb);
        sb.Append("</svg>");
        return sb.ToString();
    }

    private void AppendLines(StringBuilder sb, List<SvgChartSeries> series, Func<double, double> sx, Func<double, double> sy)
    {
        foreach (var s in series)
        {
            var color = ColorOf(s);
            var points = s.Points.OrderBy(p => p.X).ToList();
            var path = new StringBuilder();
            for (var i = 0; i < points.Count; i++)
            {
                var p = points[i];
                if (i > 0 && s.StepLine)
                {
                    path.Append(CultureInfo.InvariantCulture, $" {F(sx(p.X))},{F(sy(points[i - 1].Y))}");
                }

                path.Append(CultureInfo.InvariantCulture, $" {F(sx(p.X))},{F(sy(p.Y))}");
            }

            sb.Append(CultureInfo.InvariantCulture,
                $"<polyline class=\"series\" data-series=\"{Escape(s.Name)}\" fill=\"none\" stroke=\"{Escape(color)}\" stroke-width=\"1.8\" points=\"{path.ToString().Trim()}\"/>");
            if (points.Count == 1)
            {
                // A lone point has no polyline length, so mark it to keep it visible.
                sb.Append(CultureInfo.InvariantCulture,
                    $"<circle cx=\"{F(sx(points[0].X))}\" cy=\"{F(sy(points[0].Y))}\" r=\"3\" fill=\"{Escape(color)}\"/>");
            }
        }
    }

    private void AppendBars(
        StringBuilder sb,
        List<SvgChartSeries> series,
        List<double> categories,
        Func<double, double> sx,
        Func<double, double> sy,
        double yMin)
    {
        var slot = sx(1) - sx(0);
        var groupWidth = slot * 0.8;
        var barWidth = groupWidth / series.Count;
        var baseline = sy(Math.Max(0, yMin));
        for (var si = 0; si < series.Count; si++)
        {
            var s = series[si];
            var color = ColorOf(s);
            sb.Append(CultureInfo.InvariantCulture, $"<g class=\"series\" data-series=\"{Escape(s.Name)}\" fill=\"{Escape(color)}\">");
            foreach (var p in s.Points)
            {
                var ci = categories.BinarySearch(p.X);
                var x = sx(ci) + (slot * 0.1) + (si * barWidth);
                var y = sy(p.Y);
                var top = Math.Min(y, baseline);
                var h = Math.Abs(baseline - y);
                sb.Append(CultureInfo.InvariantCulture,
                    $"<rect x=\"{F(x)}\" y=\"{F(top)}\" width=\"{F(Math.Max(0.5, barWidth - 1))}\" height=\"{F(h)}\"><title>{Escape(s.Name)}: {Escape(FormatY(p.Y))}</title></rect>");
            }

            sb.Append("</g>");
        }
    }

    private void AppendLegend(StringBuilder sb)
    {
        if (Series.Count == 0)
        {
            return;
        }

        var columns = LegendColumns();
        var columnWidth = (Width - MarginLeft) / columns;
        var top = Height + 2;
        for (var i = 0; i < Series.Count; i++)
        {
            var x = MarginLeft + (i % columns * columnWidth);
            var y = top + (i / columns * LegendRowHeight);
            sb.Append(CultureInfo.InvariantCulture,
                $"<rect x=\"{F(x)}\" y=\"{F(y)}\" width=\"12\" height=\"10\" fill=\"{Escape(ColorOf(Series[i]))}\"/>");
            sb.Append(CultureInfo.InvariantCulture,
                $"<text class=\"legend\" x=\"{F(x + 16)}\" y=\"{F(y + 9)}\">{Escape(Series[i].Name)}</text>");
        }
    }

    private int LegendColumns() => Math.Max(1, (int)((Width - MarginLeft) / 160));

    private string ColorOf(SvgChartSeries s)
    {
        if (s.Color is not null)
        {
            return s.Color;
        }

        var index = 0;
        for (var i = 0; i < Series.Count; i++)
        {
            if (ReferenceEquals(Series[i], s))
            {
                index = i;
                break;
            }
        }

        return _palette[index % _palette.Length];
    }

    private (double Min, double Max) XRange(List<SvgChartSeries> series, List<double> categories)
    {
        if (Kind == SvgChartKind.Bar)
        {
            // Bars use category indices, so the axis spans [0, count].
            return (0, Math.Max(1, categories.Count));
        }

        var min = series.SelectMany(s => s.Points).Min(p => p.X);
        var max = series.SelectMany(s => s.Points).Max(p => p.X);
        if (max - min < 1e-12)
        {
            return (min - 1, max + 1);
        }

        return (min, max);
    }

    private (double Min, double Max) YRange(List<SvgChartSeries> series)
    {
        var values = series.SelectMany(s => s.Points).Select(p => p.Y).Where(double.IsFinite).ToList();
        if (TargetLine is { } t && double.IsFinite(t))
        {
            values.Add(t);
        }

        var min = values.Count == 0 ? 0 : values.Min();
        var max = values.Count == 0 ? 1 : values.Max();
        if (YFromZero || Kind == SvgChartKind.Bar)
        {
            min = Math.Min(0, min);
            max = Math.Max(0, max);
        }

        if (max - min < 1e-12)
        {
            max = min + 1;
        }

        return (min, max);
    }

    private string FormatX(double v) => XTickFormat?.Invoke(v) ?? SvgText.Compact(v);

    private string FormatY(double v) => YTickFormat?.Invoke(v) ?? SvgText.Compact(v);

    private static string F(double v) => SvgText.Number(v);

    private static string Escape(string text) => SvgText.Escape(text);
}
