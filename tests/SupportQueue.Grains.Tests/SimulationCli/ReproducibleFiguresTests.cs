using System.Globalization;
using SupportQueue.Client.Simulation;
using SupportQueue.Core.Simulation;

namespace SupportQueue.Grains.Tests.SimulationCli;

/// <summary>A planner can re-derive the figures: every replication's totals are written, and simple cases carry their closed form.</summary>
public class ReproducibleFiguresTests
{
    private static SimulationResults Results(Scenario scenario)
    {
        var runs = Enumerable.Range(0, scenario.Replications).Select(r => new SimulationRun(scenario, r).RunFast()).ToList();
        return new SimulationResults(scenario, SimulationSummary.Merge(runs), "fast", DateTimeOffset.UnixEpoch);
    }

    [Fact]
    public void Replications_csv_re_derives_every_total_and_ratio()
    {
        var results = Results(TestScenarios.TinyScenario);
        var rows = SimulationCsv.Replications(results).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(SimulationCsv.ReplicationsHeader, rows[0]);
        var values = rows.Skip(1).Select(r => r.Split(','))
            .Select(c => (Replication: int.Parse(c[0], CultureInfo.InvariantCulture), Metric: c[1], Value: c[2].Length == 0 ? double.NaN : double.Parse(c[2], CultureInfo.InvariantCulture)))
            .ToList();

        // Every total in totals.csv is the mean of its replications' values (those that have one).
        Assert.Equal(results.Totals.Keys.Order(StringComparer.Ordinal), values.Select(v => v.Metric).Distinct().Order(StringComparer.Ordinal));
        foreach (var (key, ci) in results.Totals)
        {
            var sample = values.Where(v => v.Metric == key && !double.IsNaN(v.Value)).Select(v => v.Value).ToArray();
            Assert.Equal(ci.Count, sample.Length);
            Assert.Equal(ci.Mean, sample.Average(), 12);
        }

        // Ratios re-derive from the counts of the same replication.
        foreach (var replication in values.Select(v => v.Replication).Distinct())
        {
            double Get(string metric) => values.Single(v => v.Replication == replication && v.Metric == metric).Value;
            Assert.Equal(Get("abandoned") / Get("arrivals"), Get("abandonRate"), 12);
            Assert.Equal(Get("L1.abandoned") / Get("L1.offered"), Get("L1.abandonRate"), 12);
        }
    }

    [Fact]
    public void A_stationary_single_tier_scenario_shows_the_Erlang_figures_beside_the_simulated()
    {
        var scenario = ScenarioJson.ParseScenario(File.ReadAllText(Path.Combine(TestScenarios.ScenariosDirectory, "mmc-sanity.json"))) with { Replications = 3 };
        var baseline = ErlangBaseline.For(scenario);

        Assert.NotNull(baseline);
        Assert.Equal(StaffingMethod.ErlangC, baseline.Method);
        Assert.Equal(14, baseline.Servers);
        Assert.Equal(0.174132, baseline.Metrics.ProbabilityOfWait, 5);
        var table = SimulationTables.ErlangComparison(Results(scenario));
        Assert.NotNull(table);
        Assert.Contains(table.Rows, r => r[0] == "P(wait)" && r[1] == "17.4 %");
        Assert.Contains("Erlang C", table.Title, StringComparison.Ordinal);

        var html = SimulationHtml.Build(Results(scenario with { Replications = 1 }));
        Assert.Contains("Closed form beside the simulation", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Erlang_A_with_exponential_patience_and_none_for_a_tiered_or_shifted_scenario()
    {
        var mmc = ScenarioJson.ParseScenario(File.ReadAllText(Path.Combine(TestScenarios.ScenariosDirectory, "mmc-sanity.json")));
        var patient = mmc with { TicketClasses = [mmc.TicketClasses[0] with { Patience = Core.Randomness.DistributionSpec.Exponential(5) }] };

        Assert.Equal(StaffingMethod.ErlangA, ErlangBaseline.For(patient)!.Method);
        Assert.Null(ErlangBaseline.For(mmc with { Demand = mmc.Demand with { Intraday = [1, 2] } }));
        Assert.Null(ErlangBaseline.For(TestScenarios.TinyScenario));
        Assert.Null(SimulationTables.ErlangComparison(Results(TestScenarios.TinyScenario with { Replications = 1 })));
    }
}
