using System.Text.RegularExpressions;
using SupportQueue.Client.Simulation;
using SupportQueue.Core.Simulation;

namespace SupportQueue.Grains.Tests.SimulationCli;

public partial class ReportTests
{
    private static readonly Lazy<SimulationResults> _results = new(() =>
    {
        var scenario = TestScenarios.TinyScenario;
        var runs = Enumerable.Range(0, scenario.Replications).Select(r => new SimulationRun(scenario, r).RunFast()).ToList();
        return new SimulationResults(scenario, SimulationSummary.Merge(runs), "fast", new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
    });

    private static SimulationResults Results => _results.Value;

    [GeneratedRegex("(?:src|href)\\s*=\\s*[\"']?\\s*(?:https?:)?//|url\\(\\s*[\"']?(?:https?:)?//|@import", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();

    [Fact]
    public void Html_is_self_contained_with_the_charts_as_inline_svg()
    {
        var html = SimulationHtml.Build(Results);

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Equal(5, Regex.Count(html, "<svg"));
        foreach (var title in new[] { "Arrivals vs staffed capacity per interval", "Service level per interval", "Backlog per tier", "Occupancy per tier", "Staffing plan: required vs staffed agents" })
        {
            Assert.Contains($"<title>{title}", html, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("http://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(ExternalReference(), html);
        Assert.DoesNotContain("NaN", html, StringComparison.Ordinal);
        Assert.Contains("<style>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_carries_the_summary_tables_the_objective_and_the_staffing_plan()
    {
        var html = SimulationHtml.Build(Results);

        Assert.Contains("Staffing simulation: tiny desk", html, StringComparison.Ordinal);
        Assert.Contains("Service-level objective: 80.0 % of tickets get a first response within 00:05:00", html, StringComparison.Ordinal);
        Assert.Contains("<caption>Tiers (mean ± 95% CI half-width over 2 replication(s))</caption>", html, StringComparison.Ordinal);
        Assert.Contains("<caption>Priorities", html, StringComparison.Ordinal);
        Assert.Contains("<caption>Staffing plan: peak interval per tier", html, StringComparison.Ordinal);
        Assert.Contains("<caption>Staffing plan: every interval</caption>", html, StringComparison.Ordinal);
        Assert.Contains("class=\"target\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Scenario_text_is_escaped_in_the_page()
    {
        var scenario = TestScenarios.TinyScenario with { Name = "<b>desk & co</b>", Replications = 1 };
        var results = new SimulationResults(scenario, SimulationSummary.Merge([new SimulationRun(scenario, 0).RunFast()]), "fast", DateTimeOffset.UnixEpoch);

        var html = SimulationHtml.Build(results);

        Assert.DoesNotContain("<b>desk", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;desk &amp; co&lt;/b&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_headers_and_row_counts()
    {
        var results = Results;
        var intervals = results.IntervalCount;
        Assert.Equal(16, intervals);

        AssertCsv(SimulationCsv.Intervals(results), SimulationCsv.IntervalsHeader, intervals * 3);
        AssertCsv(SimulationCsv.Priorities(results), SimulationCsv.PrioritiesHeader, intervals * 4);
        AssertCsv(SimulationCsv.Totals(results), SimulationCsv.TotalsHeader, results.Totals.Count);

        // The first two intervals are warm-up and carry no plan.
        AssertCsv(SimulationCsv.Staffing(results.Plan), SimulationCsv.StaffingHeader, (intervals - 2) * 3);

        Assert.StartsWith("interval,start,tier,offered,answered,abandoned,", SimulationCsv.IntervalsHeader, StringComparison.Ordinal);
        Assert.Contains("service_level,asa_minutes,occupancy,backlog,staffed_agents", SimulationCsv.IntervalsHeader, StringComparison.Ordinal);
        var firstRow = SimulationCsv.Intervals(results).Split('\n')[1].Split(',');
        Assert.Equal(["0", "2026-11-23T08:00", "L1"], firstRow[..3]);
        Assert.Contains("\nL1.serviceLevel,", SimulationCsv.Totals(results), StringComparison.Ordinal);
        Assert.Contains("\nL2.abandonRate,", SimulationCsv.Totals(results), StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_cells_with_commas_are_quoted()
    {
        Assert.Equal("\"a,b\"", SimulationCsv.Cell("a,b"));
        Assert.Equal("\"say \"\"hi\"\"\"", SimulationCsv.Cell("say \"hi\""));
        Assert.Equal("plain", SimulationCsv.Cell("plain"));
    }

    [Fact]
    public void Summary_json_round_trips()
    {
        var json = SimulationSummaryJson.Write(Results);

        var read = SimulationSummaryJson.Read(json);

        Assert.Equal(json, SimulationSummaryJson.Write(read));
        Assert.Equal(Results.Totals.Count, read.Totals.Count);
        foreach (var (key, ci) in Results.Totals)
        {
            var total = read.Totals[key];
            Assert.Equal(ci.Count, total.N);
            Assert.Equal(double.IsFinite(ci.Mean) ? ci.Mean : null, total.Mean);
            Assert.Equal(double.IsFinite(ci.Lower) ? ci.Lower : null, total.Lower);
            Assert.Equal(double.IsFinite(ci.Upper) ? ci.Upper : null, total.Upper);
        }

        Assert.Equal(Results.Tiers[0].Offered.Select(v => (double?)v), read.Series.Tiers["L1"].Offered);
        Assert.Equal(16, read.Series.Tiers["L3"].Occupancy.Count);
        Assert.Equal(["P1", "P2", "P3", "P4"], read.Series.Priorities.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("00:05:00", read.ServiceLevelObjective.Threshold);
        Assert.Equal(Results.Verdict.ToString(), read.ServiceLevelObjective.Verdict);
    }

    [Fact]
    public void Values_that_do_not_exist_are_null_not_NaN()
    {
        var json = SimulationSummaryJson.Write(Results);

        Assert.DoesNotContain("NaN", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Infinity", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Output_set_has_every_file()
    {
        var files = SimulationOutput.Build(Results, "{}");

        Assert.Equal(SimulationOutput.FileNames.Order(StringComparer.Ordinal), files.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Default_directory_is_out_name_timestamp()
    {
        var dir = SimulationOutput.DefaultDirectory("/work", "Retail: holiday peak!", new DateTimeOffset(2026, 11, 27, 14, 5, 9, TimeSpan.Zero));

        Assert.Equal(Path.Combine("/work", "out", "Retail--holiday-peak-20261127-140509"), dir);
    }

    private static void AssertCsv(string csv, string header, int rows)
    {
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(header, lines[0]);
        Assert.Equal(rows, lines.Length - 1);
        var columns = header.Split(',').Length;
        Assert.All(lines, line => Assert.Equal(columns, line.Split(',').Length));
    }
}
