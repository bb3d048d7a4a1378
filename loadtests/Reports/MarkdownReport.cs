using System.Globalization;
using System.Text;
using SupportQueue.LoadTests.Measurement;
using SupportQueue.LoadTests.Runner;

namespace SupportQueue.LoadTests.Reports;

/// <summary>Markdown summary of a run: verdict, thresholds, per-operation tables, scenarios, resources.</summary>
public static class MarkdownReport
{
    /// <summary>Renders the report.</summary>
    public static string Build(LoadRunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var sb = new StringBuilder();
        sb.Append("# Load report: ").Append(Text(result.RunName)).Append("\n\n");
        sb.Append("- Verdict: **").Append(ReportFormat.Verdict(result)).Append("** (exit code ")
            .Append(result.ExitCode.ToString(CultureInfo.InvariantCulture)).Append(")\n");
        if (result.TargetName is not null)
        {
            sb.Append("- Target: ").Append(Text(result.TargetName)).Append('\n');
        }

        sb.Append("- Started: ").Append(result.StartedAt.ToString("u", CultureInfo.InvariantCulture)).Append('\n');
        sb.Append("- Duration: ").Append(ReportFormat.Seconds(result.Duration)).Append(" s\n\n");

        sb.Append("## Thresholds\n\n");
        if (result.Thresholds.Count == 0)
        {
            sb.Append("None defined.\n\n");
        }
        else
        {
            Table(sb, ["result", "threshold", "measured"], result.Thresholds.Select(t => new[]
            {
                t.Passed ? "pass" : "**FAIL**",
                "`" + t.Threshold.Text.Replace("`", "'", StringComparison.Ordinal) + "`",
                Text(t.Detail),
            }));
        }

        sb.Append("## Latency from intended start (coordinated-omission corrected), ms\n\n");
        Table(sb,
            ["operation", "count", "rps", "fail %", "p50", "p75", "p95", "p99", "p99.9", "max", "mean"],
            result.Operations.Select(o => LatencyRow(o, o.Latency, includeCounts: true)));

        sb.Append("## Latency from actual start (service time), ms\n\n");
        Table(sb,
            ["operation", "p50", "p75", "p95", "p99", "p99.9", "max", "mean"],
            result.Operations.Select(o => LatencyRow(o, o.ServiceTime, includeCounts: false)));

        sb.Append("## Failures and start problems\n\n");
        Table(sb,
            ["operation", "failures", "by kind", "dropped starts", "late starts", "start lag p50 ms", "start lag p99 ms", "start lag max ms"],
            result.Operations.Select(o => new[]
            {
                Text(o.Operation),
                ReportFormat.Int(o.Failures),
                Text(ReportFormat.FailureKinds(o)),
                ReportFormat.Int(o.Dropped),
                ReportFormat.Int(o.LateStarts),
                ReportFormat.Num(o.StartLag.P50),
                ReportFormat.Num(o.StartLag.P99),
                ReportFormat.Num(o.StartLag.Max),
            }));

        sb.Append("## Scenarios\n\n");
        Table(sb,
            ["scenario", "planned s", "due", "started", "dropped", "late", "succeeded", "failed", "unfinished", "peak in flight"],
            result.Scenarios.Select(s => new[]
            {
                Text(s.Name),
                ReportFormat.Seconds(s.PlannedDuration),
                ReportFormat.Int(s.Due),
                ReportFormat.Int(s.Started),
                ReportFormat.Int(s.Dropped),
                ReportFormat.Int(s.Late),
                ReportFormat.Int(s.Succeeded),
                ReportFormat.Int(s.Failed),
                ReportFormat.Int(s.Unfinished),
                ReportFormat.Int(s.PeakInFlight),
            }));

        sb.Append("## Resources\n\n");
        Table(sb, ["measure", "value"], ReportFormat.ResourceRows(result.Resources).Select(r => new[] { r.Name, r.Value }));
        return sb.ToString();
    }

    private static string[] LatencyRow(OperationStats o, LatencyStats l, bool includeCounts)
    {
        var cells = new List<string> { Text(o.Operation) };
        if (includeCounts)
        {
            cells.Add(ReportFormat.Int(o.Count));
            cells.Add(ReportFormat.Num(o.Throughput));
            cells.Add(ReportFormat.Num(o.FailPercent));
        }

        cells.AddRange([
            ReportFormat.Num(l.P50), ReportFormat.Num(l.P75), ReportFormat.Num(l.P95), ReportFormat.Num(l.P99),
            ReportFormat.Num(l.P999), ReportFormat.Num(l.Max), ReportFormat.Num(l.Mean),
        ]);
        return [.. cells];
    }

    private static void Table(StringBuilder sb, string[] header, IEnumerable<string[]> rows)
    {
        sb.Append("| ").Append(string.Join(" | ", header)).Append(" |\n");
        sb.Append('|').Append(string.Concat(header.Select(_ => " --- |"))).Append('\n');
        var any = false;
        foreach (var row in rows)
        {
            any = true;
            sb.Append("| ").Append(string.Join(" | ", row)).Append(" |\n");
        }

        if (!any)
        {
            sb.Append("| ").Append(string.Join(" | ", header.Select((_, i) => i == 0 ? "(none)" : ""))).Append(" |\n");
        }

        sb.Append('\n');
    }

    // Pipes would split table cells and line breaks would end the row.
    private static string Text(string s) =>
        s.Replace("|", "\\|", StringComparison.Ordinal).Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
