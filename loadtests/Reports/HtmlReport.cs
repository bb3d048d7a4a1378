using System.Net;
using System.Text;
using SupportQueue.Reporting;
using SupportQueue.LoadTests.Runner;
using SupportQueue.LoadTests.Thresholds;

namespace SupportQueue.LoadTests.Reports;

/// <summary>
/// A single self-contained HTML page: inline CSS, inline SVG charts, no scripts or external links,
/// so it opens offline and can be attached to a ticket or CI artifact as is.
/// </summary>
public static class HtmlReport
{
    /// <summary>
    /// Renders the page; <paramref name="targetSection"/> (HTML: the invariant verdict, setup and
    /// service of the system under test) follows the verdict, and <paramref name="exitCode"/>, when
    /// the target's own checks decide it (an invariant violation outranks the thresholds), is the verdict's.
    /// </summary>
    public static string Build(LoadRunResult result, string? targetSection = null, int? exitCode = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var exit = exitCode ?? result.ExitCode;
        var sb = new StringBuilder(64 * 1024);
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Load report: ")
            .Append(E(result.RunName)).Append("</title>\n<style>")
            .Append("body{font-family:sans-serif;margin:24px;color:#222}table{border-collapse:collapse;margin:8px 0 24px}")
            .Append("th,td{border:1px solid #ccc;padding:4px 8px;text-align:right}th:first-child,td:first-child{text-align:left}")
            .Append("table.text td{text-align:left}th{background:#f3f3f3}.pass{color:#1a7f37}.fail{color:#c00;font-weight:bold}.chart{margin:8px 0 24px}")
            .Append("</style>\n</head>\n<body>\n");

        var passed = result.Passed && exit == 0;
        sb.Append("<h1>Load report: ").Append(E(result.RunName)).Append("</h1>\n<p>Verdict: <span class=\"").Append(passed ? "pass" : "fail")
            .Append("\">").Append(exit == result.ExitCode ? ReportFormat.Verdict(result) : "FAILED").Append("</span> (exit code ").Append(exit).Append(")");
        if (result.TargetName is not null)
        {
            sb.Append(" · target ").Append(E(result.TargetName));
        }

        sb.Append(" · started ").Append(E(result.StartedAt.ToString("u", System.Globalization.CultureInfo.InvariantCulture)))
            .Append(" · duration ").Append(ReportFormat.Seconds(result.Duration)).Append(" s</p>\n");
        sb.Append(targetSection);

        sb.Append("<h2>Thresholds</h2>\n");
        if (result.Thresholds.Count == 0)
        {
            sb.Append("<p>None defined.</p>\n");
        }
        else
        {
            Table(sb, ["result", "threshold", "measured"], cssClass: "text", result.Thresholds.Select(t => new[]
            {
                t.Passed ? "<span class=\"pass\">pass</span>" : "<span class=\"fail\">FAIL</span>",
                "<code>" + E(t.Threshold.Text) + "</code>",
                E(t.Detail),
            }));
        }

        sb.Append("<h2>Operations (latency from intended start, ms)</h2>\n");
        Table(sb,
            ["operation", "count", "rps", "fail %", "dropped", "late", "p50", "p75", "p95", "p99", "p99.9", "max", "service p99", "start lag p99", "failures by kind"],
            result.Operations.Select(o => new[]
            {
                E(o.Operation), ReportFormat.Int(o.Count), ReportFormat.Num(o.Throughput), ReportFormat.Num(o.FailPercent),
                ReportFormat.Int(o.Dropped), ReportFormat.Int(o.LateStarts),
                ReportFormat.Num(o.Latency.P50), ReportFormat.Num(o.Latency.P75), ReportFormat.Num(o.Latency.P95),
                ReportFormat.Num(o.Latency.P99), ReportFormat.Num(o.Latency.P999), ReportFormat.Num(o.Latency.Max),
                ReportFormat.Num(o.ServiceTime.P99), ReportFormat.Num(o.StartLag.P99), E(ReportFormat.FailureKinds(o)),
            }));

        sb.Append("<h2>Charts</h2>\n");
        foreach (var chart in Charts(result))
        {
            sb.Append("<div class=\"chart\">").Append(chart.Render()).Append("</div>\n");
        }

        sb.Append("<h2>Scenarios</h2>\n");
        Table(sb,
            ["scenario", "planned s", "due", "started", "dropped", "late", "succeeded", "failed", "unfinished", "peak in flight"],
            result.Scenarios.Select(s => new[]
            {
                E(s.Name), ReportFormat.Seconds(s.PlannedDuration), ReportFormat.Int(s.Due), ReportFormat.Int(s.Started),
                ReportFormat.Int(s.Dropped), ReportFormat.Int(s.Late), ReportFormat.Int(s.Succeeded), ReportFormat.Int(s.Failed),
                ReportFormat.Int(s.Unfinished), ReportFormat.Int(s.PeakInFlight),
            }));

        sb.Append("<h2>Resources</h2>\n");
        Table(sb, ["measure", "value"], cssClass: "text", ReportFormat.ResourceRows(result.Resources).Select(r => new[] { E(r.Name), E(r.Value) }));
        sb.Append("</body>\n</html>\n");
        return sb.ToString();
    }

    /// <summary>The charts the page shows, in order; exposed so other reports can reuse the same views.</summary>
    public static IReadOnlyList<SvgChart> Charts(LoadRunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var charts = new List<SvgChart>();
        // Per-tier breakdowns ("submit->assign@L1") are charted only when a threshold names them.
        var ops = result.Operations.Select(o => o.Operation)
            .Where(op => !op.Contains('@', StringComparison.Ordinal) || result.Thresholds.Any(t => t.Threshold.Operation == op)).ToList();

        charts.Add(new SvgChart
        {
            Title = "Throughput over time",
            XLabel = "elapsed (s)",
            YLabel = "completions / s",
            Series = ops.Select(op => new SvgChartSeries(
                op,
                result.OperationSeries.Where(p => p.Operation == op).Select(p => new SvgChartPoint(p.ElapsedSeconds, p.Throughput)).ToList()))
                .ToList(),
        });

        foreach (var op in ops)
        {
            var points = result.OperationSeries.Where(p => p.Operation == op && p.Count > 0).ToList();
            var target = result.Thresholds
                .Select(t => t.Threshold)
                .FirstOrDefault(t => t.Operation == op && t.Metric is ThresholdMetric.Percentile or ThresholdMetric.Max);
            SvgChart Latency(string title, Func<double, double> shown) => new()
            {
                Title = title,
                XLabel = "elapsed (s)",
                YLabel = "ms",
                TargetLine = target?.Limit,
                TargetLabel = target?.Text,
                Series =
                [
                    new SvgChartSeries("p50 (from intended start)", points.Select(p => new SvgChartPoint(p.ElapsedSeconds, shown(p.P50Ms))).ToList()),
                    new SvgChartSeries("p99 (from intended start)", points.Select(p => new SvgChartPoint(p.ElapsedSeconds, shown(p.P99Ms))).ToList()),
                    new SvgChartSeries("p99 (service time)", points.Select(p => new SvgChartPoint(p.ElapsedSeconds, shown(p.ServiceP99Ms))).ToList()),
                ],
            };

            charts.Add(Latency($"Latency over time: {op}", v => v));

            // A 20 ms line under a 4 s peak sits on the axis, indistinguishable from zero: a second
            // view around the threshold (values above the cap drawn at the cap) shows where it lies.
            var peak = points.Count == 0 ? 0 : points.Max(p => Math.Max(p.P99Ms, p.ServiceP99Ms));
            if (target is { Limit: > 0 } t && peak > 10 * t.Limit)
            {
                var cap = 4 * t.Limit;
                charts.Add(Latency(
                    $"Latency over time: {op}, near the threshold (values above {ReportFormat.Num(cap)} ms drawn at {ReportFormat.Num(cap)})",
                    v => Math.Min(v, cap)));
            }
        }

        if (result.Operations.Count > 0)
        {
            (string Name, Func<Measurement.LatencyStats, double> Pick)[] percentiles =
                [("p50", l => l.P50), ("p95", l => l.P95), ("p99", l => l.P99), ("p99.9", l => l.P999)];
            charts.Add(new SvgChart
            {
                Title = "Latency percentiles by operation (from intended start)",
                YLabel = "ms",
                Kind = SvgChartKind.Bar,
                XTickFormat = x => x >= 0 && x < ops.Count && x == Math.Floor(x) ? ops[(int)x] : "",
                Series = percentiles.Select(p => new SvgChartSeries(
                    p.Name,
                    result.Operations.Where(o => ops.Contains(o.Operation)).Select((o, i) => new SvgChartPoint(i, p.Pick(o.Latency))).ToList())).ToList(),
            });
        }

        if (result.SiloLoad.Count > 0)
        {
            var silos = result.SiloLoad.SelectMany(s => s.LoadBySilo.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            charts.Add(new SvgChart
            {
                Title = "Load per silo",
                XLabel = "elapsed (s)",
                YLabel = "count per interval",
                Series = silos.Select(silo => new SvgChartSeries(
                    silo,
                    result.SiloLoad.Select(s => new SvgChartPoint(s.ElapsedSeconds, s.LoadBySilo.TryGetValue(silo, out var n) ? n : 0)).ToList(),
                    StepLine: true)).ToList(),
            });
        }

        charts.Add(new SvgChart
        {
            Title = "In flight and CPU",
            XLabel = "elapsed (s)",
            Series =
            [
                new SvgChartSeries("requests in flight", result.RunSeries.Select(p => new SvgChartPoint(p.ElapsedSeconds, p.InFlight)).ToList(), StepLine: true),
                new SvgChartSeries("CPU % (all cores)", result.RunSeries.Select(p => new SvgChartPoint(p.ElapsedSeconds, p.CpuPercent)).ToList()),
            ],
        });

        return charts;
    }

    private static void Table(StringBuilder sb, string[] header, IEnumerable<string[]> rows) => Table(sb, header, null, rows);

    private static void Table(StringBuilder sb, string[] header, string? cssClass, IEnumerable<string[]> rows)
    {
        sb.Append(cssClass is null ? "<table>" : $"<table class=\"{cssClass}\">").Append("\n<tr>");
        foreach (var h in header)
        {
            sb.Append("<th>").Append(E(h)).Append("</th>");
        }

        sb.Append("</tr>\n");
        foreach (var row in rows)
        {
            sb.Append("<tr>");
            foreach (var cell in row)
            {
                // Cells arrive already escaped (some carry markup such as the pass/fail span).
                sb.Append("<td>").Append(cell).Append("</td>");
            }

            sb.Append("</tr>\n");
        }

        sb.Append("</table>\n");
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
