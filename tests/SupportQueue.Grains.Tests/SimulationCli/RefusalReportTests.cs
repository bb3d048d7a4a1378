using SupportQueue.Client.Simulation;
using SupportQueue.Core.Simulation;

namespace SupportQueue.Grains.Tests.SimulationCli;

/// <summary>Customers a full desk turned away show in every output, as abandonments do.</summary>
public sealed class RefusalReportTests
{
    private static readonly Lazy<(SimulationResults Results, List<ReplicationResult> Runs)> _full = new(() =>
    {
        var tiny = TestScenarios.TinyScenario;
        var scenario = tiny with { Desk = tiny.Desk with { MaxOpenTickets = 2 } };
        var runs = Enumerable.Range(0, scenario.Replications).Select(r => new SimulationRun(scenario, r).RunFast()).ToList();
        return (new SimulationResults(scenario, SimulationSummary.Merge(runs), "fast", DateTimeOffset.UnixEpoch), runs);
    });

    [Fact]
    public void Refusals_are_in_the_totals_per_replication_and_per_priority()
    {
        var (results, runs) = _full.Value;
        var refused = runs.Select(r => (double)r.Priorities.Sum(p => p.Refused.Sum())).ToArray();

        Assert.All(refused, n => Assert.True(n > 0, "the full desk refused nobody"));
        Assert.Equal(refused.Average(), results.Total("refused")!.Value.Mean, 9);
        var rate = refused[0] / runs[0].Totals.Values["arrivals"];
        Assert.Contains(results.ReplicationTotals(runs[0]), kv => kv.Key == "refuseRate" && Math.Abs(kv.Value - rate) < 1e-12);
        Assert.Contains(results.Totals.Keys, k => k.EndsWith(".refuseRate", StringComparison.Ordinal) && k.StartsWith('P'));
    }

    [Fact]
    public void Refusals_are_in_the_csv_the_summary_json_and_the_report()
    {
        var (results, _) = _full.Value;
        var expected = results.Priorities.Sum(p => p.Refused.Sum());

        var csv = SimulationCsv.Priorities(results).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith(",abandoned,refused", csv[0], StringComparison.Ordinal);
        Assert.Equal(expected, csv.Skip(1).Sum(row => double.Parse(row.Split(',')[^1], System.Globalization.CultureInfo.InvariantCulture)), 6);
        Assert.Contains("\nrefuseRate,", SimulationCsv.Totals(results), StringComparison.Ordinal);

        var json = SimulationSummaryJson.Read(SimulationSummaryJson.Write(results));
        Assert.Equal(expected, json.Series.Priorities.Values.Sum(p => p.Refused!.Sum(v => v ?? 0)), 6);
        Assert.NotNull(json.Totals["refused"].Mean);

        var html = SimulationHtml.Build(results);
        Assert.Contains("Refuse rate", html, StringComparison.Ordinal);
        Assert.Contains("maxOpenTickets", html, StringComparison.Ordinal);
    }
}
