using System.Text.RegularExpressions;
using System.Xml.Linq;
using SupportQueue.LoadTests.Reports;

namespace SupportQueue.LoadTests.Tests;

public partial class ReportTests
{
    [GeneratedRegex("<svg.*?</svg>", RegexOptions.Singleline)]
    private static partial Regex SvgElement();

    [Fact]
    public void Html_is_self_contained_with_well_formed_inline_svg_charts()
    {
        var html = HtmlReport.Build(SampleResults.Create());

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.EndsWith("</html>\n", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        // The only URL allowed is the SVG namespace name, which is never fetched.
        Assert.All(Regex.Matches(html, "https?://[^\"]+"), u => Assert.Equal("http://www.w3.org/2000/svg", u.Value));

        var svgs = SvgElement().Matches(html).Select(s => XElement.Parse(s.Value)).ToList();
        // Throughput, one latency chart per operation (3), percentile bars, silo load, in-flight/CPU.
        Assert.Equal(7, svgs.Count);
        var titles = svgs.Select(s => s.Elements().First(e => e.Name.LocalName == "title").Value).ToList();
        Assert.Contains("Throughput over time", titles);
        Assert.Contains("Latency over time: submit->assign", titles);
        Assert.Contains("Load per silo", titles);
        Assert.Equal(CountOf(html, "<table"), CountOf(html, "</table>"));
        Assert.Contains("odd, &quot;op&quot; &lt;x&gt;", html, StringComparison.Ordinal);
        Assert.Contains("FAIL", html, StringComparison.Ordinal);
        // The p99 threshold becomes a target line on that operation's latency chart.
        var assignChart = svgs.Single(s => s.Elements().First(e => e.Name.LocalName == "title").Value == "Latency over time: submit->assign");
        Assert.Contains(assignChart.Descendants(), e => (string?)e.Attribute("class") == "target");
    }

    [Fact]
    public void Html_without_silo_samples_omits_that_chart()
    {
        var html = HtmlReport.Build(SampleResults.Create(withSilos: false));

        Assert.DoesNotContain("Load per silo", html, StringComparison.Ordinal);
        Assert.Equal(6, SvgElement().Matches(html).Count);
    }

    [Fact]
    public void Operations_csv_has_a_header_and_a_quoted_row_per_operation()
    {
        var rows = ParseCsv(CsvReport.Operations(SampleResults.Create()));

        Assert.Equal("operation", rows[0][0]);
        Assert.Contains("p99_ms", rows[0]);
        Assert.Contains("service_p99_ms", rows[0]);
        Assert.Equal(4, rows.Count);
        Assert.All(rows, r => Assert.Equal(rows[0].Count, r.Count));
        Assert.Equal(["submit", "submit->assign", "odd, \"op\" <x>"], rows.Skip(1).Select(r => r[0]));
        var submit = rows[1];
        Assert.Equal("100", submit[rows[0].IndexOf("count")]);
        Assert.Equal("rejected=5", submit[rows[0].IndexOf("failures_by_kind")]);
        // Sample submits start on time; sample assignments start 1 ms late.
        Assert.Equal("0", submit[rows[0].IndexOf("start_lag_p99_ms")]);
        Assert.Equal("1", rows[2][rows[0].IndexOf("start_lag_p99_ms")]);
    }

    [Fact]
    public void Time_series_csvs_have_a_row_per_interval()
    {
        var result = SampleResults.Create();
        var series = ParseCsv(CsvReport.TimeSeries(result));
        var run = ParseCsv(CsvReport.RunSeries(result));
        var silos = ParseCsv(CsvReport.SiloLoad(result));

        Assert.Equal(["elapsed_s", "operation", "count", "failures", "throughput_rps", "p50_ms", "p99_ms", "service_p99_ms"], series[0]);
        Assert.Equal(result.OperationSeries.Count + 1, series.Count);
        Assert.Equal(["1", "submit", "20", "1", "20"], series[1].Take(5));
        Assert.Equal(7, run.Count);
        Assert.Equal(13, silos.Count);
        Assert.Equal(["1", "silo-a", "10"], silos[1]);
    }

    [Fact]
    public void Markdown_has_the_tables()
    {
        var md = MarkdownReport.Build(SampleResults.Create());

        Assert.StartsWith("# Load report: sample run", md, StringComparison.Ordinal);
        Assert.Contains("Verdict: **FAILED** (exit code 1)", md, StringComparison.Ordinal);
        Assert.Contains("| result | threshold | measured |", md, StringComparison.Ordinal);
        Assert.Contains("| **FAIL** | `rps submit >= 1000` |", md, StringComparison.Ordinal);
        Assert.Contains("| pass | `p99 submit->assign < 20ms` |", md, StringComparison.Ordinal);
        Assert.Contains("| operation | count | rps | fail % | p50 | p75 | p95 | p99 | p99.9 | max | mean |", md, StringComparison.Ordinal);
        Assert.Contains("| --- | --- |", md, StringComparison.Ordinal);
        Assert.Contains("| submit->assign |", md, StringComparison.Ordinal);
        Assert.Contains("## Resources", md, StringComparison.Ordinal);
        Assert.Contains("| rejected: 5 |", md, StringComparison.Ordinal);
        // Every table line has the same number of cells as its header.
        foreach (var table in md.Split("\n\n").Where(b => b.StartsWith('|')))
        {
            var lines = table.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var cells = lines.Select(l => Regex.Matches(l, @"(?<!\\)\|").Count).Distinct();
            Assert.Single(cells);
        }
    }

    [Fact]
    public async Task Writer_puts_every_report_into_the_folder()
    {
        var dir = Path.Combine(Path.GetTempPath(), "sq-load-report-" + Guid.NewGuid().ToString("N"));
        try
        {
            var written = await LoadReport.WriteAsync(SampleResults.Create(), dir);

            Assert.Equal(
                new[] { "report.md", "report.html", "operations.csv", "timeseries.csv", "run-series.csv", "silo-load.csv" },
                written.Select(Path.GetFileName));
            Assert.All(written, p => Assert.True(new FileInfo(p).Length > 0));
            var firstBytes = File.ReadAllBytes(Path.Combine(dir, LoadReport.FileNames.Operations)).Take(3).ToArray();
            Assert.NotEqual(new byte[] { 0xEF, 0xBB, 0xBF }, firstBytes);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static int CountOf(string text, string part) => Regex.Matches(text, Regex.Escape(part)).Count;

    /// <summary>Minimal RFC 4180 reader, enough to prove the files are well-formed.</summary>
    internal static List<List<string>> ParseCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
            }
            else
            {
                field.Append(c);
            }
        }

        Assert.False(quoted, "unterminated quoted field");
        Assert.Equal(0, field.Length + row.Count);
        return rows;
    }
}
