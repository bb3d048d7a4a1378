using System.Globalization;
using System.Text;

namespace SupportQueue.Reporting.Planning;

/// <summary>
/// A self-contained SVG heat map: rows (e.g. days) × columns (e.g. times of day), one coloured
/// cell per value, a tooltip per cell, a colour legend. Like <see cref="SvgChart"/>: no I/O, no
/// scripts, no external references, so it can be inlined into a report that opens offline.
/// </summary>
public sealed class SvgHeatMap
{
    private const double MarginLeft = 84;
    private const double MarginRight = 16;
    private const double MarginTop = 30;
    private const double ColumnLabelHeight = 16;
    private const double LegendHeight = 40;
    private const string Missing = "#f0f0f0";

    public string Title { get; init; } = "";

    /// <summary>Total width in pixels; the cells share what the margins leave.</summary>
    public int Width { get; init; } = 1000;

    public double RowHeight { get; init; } = 20;

    public IReadOnlyList<string> RowLabels { get; init; } = [];

    public IReadOnlyList<string> ColumnLabels { get; init; } = [];

    /// <summary>Label every this many columns (e.g. 2 for hourly labels on a 30-minute grid).</summary>
    public int ColumnLabelEvery { get; init; } = 1;

    /// <summary>Rows of cells; a null cell (no data, e.g. nothing to staff) is drawn light grey.</summary>
    public IReadOnlyList<IReadOnlyList<double?>> Values { get; init; } = [];

    /// <summary>Optional tooltip text per cell, same shape as <see cref="Values"/>.</summary>
    public IReadOnlyList<IReadOnlyList<string?>>? Tooltips { get; init; }

    public HeatMapScale Scale { get; init; } = HeatMapScale.Diverging;

    /// <summary>Legend text at the low and high ends, e.g. "short" and "over".</summary>
    public string LowLabel { get; init; } = "";

    public string HighLabel { get; init; } = "";

    /// <summary>Writes each value in its cell when the cells are wide enough.</summary>
    public bool ShowValues { get; init; } = true;

    public Func<double, string> ValueFormat { get; init; } = v => v.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>Renders the map as an <c>&lt;svg&gt;</c> element.</summary>
    public string Render()
    {
        var columns = Math.Max(ColumnLabels.Count, Values.Count == 0 ? 0 : Values.Max(r => r.Count));
        var rows = Values.Count;
        var plotWidth = Math.Max(10, Width - MarginLeft - MarginRight);
        var cellWidth = columns == 0 ? plotWidth : plotWidth / columns;
        var gridTop = MarginTop + ColumnLabelHeight;
        var height = gridTop + (rows * RowHeight) + LegendHeight;
        var (low, high) = Range();

        var sb = new StringBuilder(16384);
        sb.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{N(height)}\" viewBox=\"0 0 {Width} {N(height)}\" font-family=\"sans-serif\" font-size=\"11\" role=\"img\">");
        sb.Append(CultureInfo.InvariantCulture, $"<title>{E(Title)}</title>");
        sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"0\" width=\"{Width}\" height=\"{N(height)}\" fill=\"#ffffff\"/>");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(Width / 2.0)}\" y=\"18\" text-anchor=\"middle\" font-size=\"14\" font-weight=\"bold\">{E(Title)}</text>");

        var every = Math.Max(1, ColumnLabelEvery);
        for (var c = 0; c < ColumnLabels.Count; c += every)
        {
            sb.Append(CultureInfo.InvariantCulture,
                $"<text class=\"column\" x=\"{N(MarginLeft + (c * cellWidth))}\" y=\"{N(gridTop - 4)}\" text-anchor=\"start\">{E(ColumnLabels[c])}</text>");
        }

        var valueFont = Math.Min(10, cellWidth * 0.45);
        for (var r = 0; r < rows; r++)
        {
            var y = gridTop + (r * RowHeight);
            var label = r < RowLabels.Count ? RowLabels[r] : "";
            sb.Append(CultureInfo.InvariantCulture,
                $"<text class=\"row\" x=\"{N(MarginLeft - 6)}\" y=\"{N(y + (RowHeight / 2) + 4)}\" text-anchor=\"end\">{E(label)}</text>");
            for (var c = 0; c < Values[r].Count; c++)
            {
                var value = Values[r][c];
                var x = MarginLeft + (c * cellWidth);
                var fill = value is { } v && double.IsFinite(v) ? Colour(v, low, high) : Missing;
                sb.Append(CultureInfo.InvariantCulture,
                    $"<rect class=\"cell\" x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(cellWidth)}\" height=\"{N(RowHeight)}\" fill=\"{fill}\" stroke=\"#ffffff\" stroke-width=\"0.5\"");
                if (value is { } data)
                {
                    sb.Append(CultureInfo.InvariantCulture, $" data-value=\"{data.ToString("R", CultureInfo.InvariantCulture)}\"");
                }

                var tip = Tooltips is { } tips && r < tips.Count && c < tips[r].Count ? tips[r][c] : null;
                if (tip is null)
                {
                    sb.Append("/>");
                }
                else
                {
                    sb.Append(CultureInfo.InvariantCulture, $"><title>{E(tip)}</title></rect>");
                }

                if (ShowValues && value is { } shown && double.IsFinite(shown) && valueFont >= 7)
                {
                    var text = ValueFormat(shown);
                    if (text.Length * valueFont * 0.62 <= cellWidth)
                    {
                        var ink = Dark(shown, low, high) ? "#ffffff" : "#222222";
                        sb.Append(CultureInfo.InvariantCulture,
                            $"<text class=\"value\" x=\"{N(x + (cellWidth / 2))}\" y=\"{N(y + (RowHeight / 2) + (valueFont / 2.8))}\" text-anchor=\"middle\" font-size=\"{N(valueFont)}\" fill=\"{ink}\" pointer-events=\"none\">{E(text)}</text>");
                    }
                }
            }
        }

        AppendLegend(sb, gridTop + (rows * RowHeight) + 12, low, high);
        sb.Append("</svg>");
        return sb.ToString();
    }

    /// <summary>The colour range: symmetric about zero for a diverging scale, so zero is always white.</summary>
    internal (double Low, double High) Range()
    {
        var finite = Values.SelectMany(r => r).Where(v => v is { } x && double.IsFinite(x)).Select(v => v!.Value).ToList();
        if (finite.Count == 0)
        {
            return (0, 1);
        }

        if (Scale == HeatMapScale.Diverging)
        {
            var extent = Math.Max(1, finite.Max(Math.Abs));
            return (-extent, extent);
        }

        var (min, max) = (finite.Min(), finite.Max());
        return max > min ? (min, max) : (min, min + 1);
    }

    /// <summary>The fill of <paramref name="value"/>: white to red below zero and white to blue above (diverging), or white to dark blue.</summary>
    internal string Colour(double value, double low, double high)
    {
        if (Scale == HeatMapScale.Diverging)
        {
            return value < 0
                ? Blend((214, 39, 40), Math.Min(1, value / low))
                : Blend((31, 119, 180), Math.Min(1, value / high));
        }

        return Blend((8, 48, 107), Math.Clamp((value - low) / (high - low), 0, 1));
    }

    private bool Dark(double value, double low, double high) =>
        Scale == HeatMapScale.Diverging
            ? (value < 0 ? value / low : value / high) > 0.6
            : (value - low) / (high - low) > 0.6;

    private void AppendLegend(StringBuilder sb, double y, double low, double high)
    {
        const int steps = 10;
        const double stepWidth = 18;
        var x0 = MarginLeft;
        for (var i = 0; i <= steps; i++)
        {
            var value = low + ((high - low) * i / steps);
            sb.Append(CultureInfo.InvariantCulture,
                $"<rect class=\"legend\" x=\"{N(x0 + (i * stepWidth))}\" y=\"{N(y)}\" width=\"{N(stepWidth)}\" height=\"10\" fill=\"{Colour(value, low, high)}\" stroke=\"#cccccc\" stroke-width=\"0.5\"/>");
        }

        var right = x0 + ((steps + 1) * stepWidth);
        sb.Append(CultureInfo.InvariantCulture,
            $"<text x=\"{N(x0)}\" y=\"{N(y + 24)}\" text-anchor=\"start\">{E(Label(ValueFormat(low), LowLabel))}</text>");
        sb.Append(CultureInfo.InvariantCulture,
            $"<text x=\"{N(right)}\" y=\"{N(y + 24)}\" text-anchor=\"end\">{E(Label(ValueFormat(high), HighLabel))}</text>");
        sb.Append(CultureInfo.InvariantCulture,
            $"<rect x=\"{N(right + 24)}\" y=\"{N(y)}\" width=\"18\" height=\"10\" fill=\"{Missing}\" stroke=\"#cccccc\" stroke-width=\"0.5\"/>");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(right + 48)}\" y=\"{N(y + 9)}\">no data</text>");
    }

    private static string Label(string value, string text) => text.Length == 0 ? value : $"{value} ({text})";

    private static string Blend((int R, int G, int B) to, double weight)
    {
        weight = double.IsFinite(weight) ? Math.Clamp(weight, 0, 1) : 0;
        int Mix(int channel) => (int)Math.Round(255 + ((channel - 255) * weight));
        return string.Create(CultureInfo.InvariantCulture, $"#{Mix(to.R):x2}{Mix(to.G):x2}{Mix(to.B):x2}");
    }

    private static string N(double value) => SvgText.Number(value);

    private static string E(string text) => SvgText.Escape(text);
}
