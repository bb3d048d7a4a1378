using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using SupportQueue.Core.Comparison;
using SupportQueue.Core.Statistics;

namespace SupportQueue.Reporting.Comparison;

/// <summary>
/// Renders a <see cref="PolicyComparison"/> as Markdown, CSV, HTML (one bar chart per metric,
/// policies side by side per tier) and summary.json. The simulator's and the live compare both
/// write through this, so their outputs read the same. Strings only; the caller writes the files.
/// </summary>
public static class PolicyComparisonReport
{
    public static class FileNames
    {
        public const string Markdown = "comparison.md";
        public const string Csv = "comparison.csv";
        public const string Html = "comparison.html";
        public const string Json = "summary.json";
    }

    /// <summary>File name → content, for every output.</summary>
    public static IReadOnlyDictionary<string, string> Render(PolicyComparison comparison, string title, IReadOnlyList<string> setup, IReadOnlyList<string> thresholdFailures) =>
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [FileNames.Markdown] = Markdown(comparison, title, setup, thresholdFailures),
            [FileNames.Csv] = Csv(comparison),
            [FileNames.Html] = Html(comparison, title, setup, thresholdFailures),
            [FileNames.Json] = Json(comparison, title, thresholdFailures),
        };

    public static string Markdown(PolicyComparison comparison, string title, IReadOnlyList<string> setup, IReadOnlyList<string> thresholdFailures)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(thresholdFailures);
        var md = new StringBuilder();
        md.Append("# ").AppendLine(title).AppendLine();
        foreach (var line in setup)
        {
            md.Append("- ").AppendLine(line);
        }

        md.AppendLine().AppendLine("## Verdict").AppendLine();
        foreach (var verdict in comparison.Verdicts())
        {
            md.Append("- ").AppendLine(verdict);
        }

        md.AppendLine()
            .Append(CultureInfo.InvariantCulture, $"Differences are paired against {comparison.Baseline} over {comparison.Seeds.Length} seeds (same arrivals for every policy); ± is the {comparison.Level * 100:0} % Student-t half-width. Ratios in percentage points.")
            .AppendLine().AppendLine();
        if (thresholdFailures.Count > 0)
        {
            md.AppendLine("## Thresholds failed").AppendLine();
            foreach (var failure in thresholdFailures)
            {
                md.Append("- ").AppendLine(failure);
            }

            md.AppendLine();
        }

        foreach (var tier in comparison.Tiers)
        {
            md.Append("## ").AppendLine(tier).AppendLine();
            md.Append("| metric |");
            foreach (var policy in comparison.Policies)
            {
                md.Append(' ').Append(policy).Append(" |");
            }

            foreach (var policy in comparison.Policies.Skip(1))
            {
                md.Append(' ').Append(policy).Append(" − ").Append(comparison.Baseline).Append(" |");
            }

            md.AppendLine().Append("|---|").Append(string.Concat(Enumerable.Repeat("---:|", (2 * comparison.Policies.Length) - 1))).AppendLine();
            foreach (var metric in ComparisonMetric.All)
            {
                var rows = comparison.Policies.Select(p => comparison.Find(tier, metric.Key, p)).ToList();
                if (rows.Any(r => r is null))
                {
                    continue;
                }

                md.Append(CultureInfo.InvariantCulture, $"| {metric.Label} ({metric.Unit}) |");
                foreach (var row in rows)
                {
                    md.Append(' ').Append(Number(row!.Value.Mean * metric.Scale)).Append(" |");
                }

                foreach (var row in rows.Skip(1))
                {
                    var d = row!.Difference!.Value;
                    md.Append(' ').Append(Signed(d.Mean * metric.Scale)).Append(" ± ").Append(Number(d.HalfWidth * metric.Scale)).Append(row.Significant ? " **" : "").Append(" |");
                }

                md.AppendLine();
            }

            md.AppendLine();
        }

        md.AppendLine("** the interval excludes zero.");
        return md.ToString();
    }

    /// <summary>One row per tier, metric and policy, raw units (ratios 0..1).</summary>
    public static string Csv(PolicyComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var csv = new StringBuilder("tier,metric,unit,policy,seeds,mean,half_width,diff_vs_baseline,diff_half_width,significant\n");
        foreach (var row in comparison.Rows)
        {
            var d = row.Difference;
            csv.Append(CultureInfo.InvariantCulture,
                $"{row.Tier},{row.Metric.Key},{(row.Metric.Scale == 100 ? "ratio" : row.Metric.Unit)},{Quote(row.Policy)},{row.Value.Count},{Raw(row.Value.Mean)},{Raw(row.Value.HalfWidth)},{(d is null ? "" : Raw(d.Value.Mean))},{(d is null ? "" : Raw(d.Value.HalfWidth))},{(d is null ? "" : row.Significant ? "true" : "false")}\n");
        }

        return csv.ToString();
    }

    /// <summary>For CI pipelines: verdicts, threshold failures and every row, raw units; NaN/∞ as null.</summary>
    public static string Json(PolicyComparison comparison, string title, IReadOnlyList<string> thresholdFailures)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        static double? N(double v) => double.IsFinite(v) ? v : null;
        static object Ci(ConfidenceInterval ci) => new { mean = N(ci.Mean), halfWidth = N(ci.HalfWidth), count = ci.Count };
        var document = new
        {
            title,
            baseline = comparison.Baseline,
            policies = comparison.Policies,
            seeds = comparison.Seeds,
            level = comparison.Level,
            verdicts = comparison.Verdicts(),
            passed = thresholdFailures.Count == 0,
            thresholdFailures,
            rows = comparison.Rows.Select(r => new
            {
                tier = r.Tier,
                metric = r.Metric.Key,
                policy = r.Policy,
                value = Ci(r.Value),
                difference = r.Difference is { } d ? Ci(d) : null,
                significant = r.Difference is null ? (bool?)null : r.Significant,
            }),
        };
        return JsonSerializer.Serialize(document, new JsonSerializerOptions { WriteIndented = true });
    }

    public static string Html(PolicyComparison comparison, string title, IReadOnlyList<string> setup, IReadOnlyList<string> thresholdFailures)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(thresholdFailures);
        static string E(string s) => WebUtility.HtmlEncode(s);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").Append(E(title)).AppendLine("</title>")
            .AppendLine("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}.charts{display:flex;flex-wrap:wrap;gap:12px}.fail{color:#b00}</style></head><body>")
            .Append("<h1>").Append(E(title)).AppendLine("</h1><ul>");
        foreach (var line in setup)
        {
            html.Append("<li>").Append(E(line)).AppendLine("</li>");
        }

        html.AppendLine("</ul><h2>Verdict</h2><ul>");
        foreach (var verdict in comparison.Verdicts())
        {
            html.Append("<li><b>").Append(E(verdict)).AppendLine("</b></li>");
        }

        html.AppendLine("</ul>");
        html.Append(thresholdFailures.Count == 0 ? "<p>Thresholds: passed.</p>" : "<h2 class=\"fail\">Thresholds failed</h2><ul class=\"fail\">");
        foreach (var failure in thresholdFailures)
        {
            html.Append("<li>").Append(E(failure)).AppendLine("</li>");
        }

        html.AppendLine(thresholdFailures.Count == 0 ? "" : "</ul>").AppendLine("<div class=\"charts\">");
        foreach (var metric in ComparisonMetric.All)
        {
            if (!comparison.Rows.Any(r => r.Metric == metric))
            {
                continue;
            }

            var series = comparison.Policies.Select(policy => new SvgChartSeries(
                policy,
                [.. comparison.Tiers.Select((tier, i) => (i, row: comparison.Find(tier, metric.Key, policy)))
                    .Where(x => x.row is not null && double.IsFinite(x.row.Value.Mean))
                    .Select(x => new SvgChartPoint(x.i, x.row!.Value.Mean * metric.Scale))])).ToList();
            var chart = new SvgChart
            {
                Title = metric.Label,
                YLabel = metric.Scale == 100 ? "%" : metric.Unit,
                XLabel = "tier",
                Kind = SvgChartKind.Bar,
                Width = 420,
                Height = 260,
                XTickFormat = x => x >= 0 && x < comparison.Tiers.Length && x == Math.Floor(x) ? comparison.Tiers[(int)x] : "",
                Series = series,
            };
            html.Append("<div>").Append(chart.Render()).AppendLine("</div>");
        }

        html.AppendLine("</div><h2>Table</h2><table><tr><th>tier</th><th>metric</th><th>policy</th><th>mean</th><th>± (95 %)</th><th>diff vs baseline</th><th>±</th></tr>");
        foreach (var row in comparison.Rows)
        {
            var s = row.Metric.Scale;
            var d = row.Difference;
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{E(row.Tier)}</td><td>{E(row.Metric.Label)} ({E(row.Metric.Unit)})</td><td>{E(row.Policy)}</td><td>{Number(row.Value.Mean * s)}</td><td>{Number(row.Value.HalfWidth * s)}</td><td>{(d is null ? "" : (row.Significant ? "<b>" : "") + Signed(d.Value.Mean * s) + (row.Significant ? "</b>" : ""))}</td><td>{(d is null ? "" : Number(d.Value.HalfWidth * s))}</td></tr>")
                .AppendLine();
        }

        return html.AppendLine("</table></body></html>").ToString();
    }

    private static string Number(double v) => double.IsNaN(v) ? "–" : double.IsInfinity(v) ? "∞" : v.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Signed(double v) => double.IsFinite(v) && v > 0 ? "+" + Number(v) : Number(v);

    private static string Raw(double v) => double.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : "";

    private static string Quote(string s) => s.Contains(',', StringComparison.Ordinal) || s.Contains('"', StringComparison.Ordinal) ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
}
