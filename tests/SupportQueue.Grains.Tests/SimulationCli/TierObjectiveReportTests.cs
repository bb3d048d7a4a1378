using System.Globalization;
using SupportQueue.Client.Simulation;
using SupportQueue.Core.Simulation;

namespace SupportQueue.Grains.Tests.SimulationCli;

/// <summary>Per-tier service-level objectives from the scenario file reach every output, each tier judged against its own.</summary>
public class TierObjectiveReportTests
{
    private static readonly string _json = TestScenarios.Tiny.Replace(
        "\"serviceLevel\": { \"threshold\": \"00:05:00\", \"target\": 0.8 }",
        "\"serviceLevel\": { \"threshold\": \"00:05:00\", \"target\": 0.8, \"tiers\": { \"L2\": { \"threshold\": \"01:00:00\", \"target\": 0.7 }, \"L3\": { \"target\": 0.5 } } }",
        StringComparison.Ordinal);

    private static readonly Lazy<SimulationResults> _results = new(() =>
    {
        var scenario = ScenarioJson.ParseScenario(_json);
        var runs = Enumerable.Range(0, scenario.Replications).Select(r => new SimulationRun(scenario, r).RunFast()).ToList();
        return new SimulationResults(scenario, SimulationSummary.Merge(runs), "fast", DateTimeOffset.UnixEpoch);
    });

    [Fact]
    public void The_scenario_gives_each_tier_its_own_objective_defaulting_to_the_desk_wide_one()
    {
        Assert.Contains("\"tiers\"", _json, StringComparison.Ordinal);
        var scenario = _results.Value.Scenario;
        Assert.Equal((TimeSpan.FromMinutes(5), 0.8), scenario.TierObjective(0));
        Assert.Equal((TimeSpan.FromHours(1), 0.7), scenario.TierObjective(1));
        Assert.Equal((TimeSpan.FromMinutes(5), 0.5), scenario.TierObjective(2));

        var again = ScenarioJson.ParseScenario(ScenarioJson.Write(scenario));
        Assert.Equal(scenario.TierObjective(1), again.TierObjective(1));
        Assert.Equal(scenario.TierObjective(2), again.TierObjective(2));
    }

    [Fact]
    public void Summary_json_objectives_csv_and_the_page_carry_each_tiers_objective_and_verdict()
    {
        var results = _results.Value;
        var doc = SimulationSummaryJson.Read(SimulationSummaryJson.Write(results));
        var tiers = doc.ServiceLevelObjective.Tiers!;
        Assert.Equal(("00:05:00", 0.8, false), (tiers["L1"].Threshold, tiers["L1"].Target, tiers["L1"].OwnObjective));
        Assert.Equal(("01:00:00", 0.7, true), (tiers["L2"].Threshold, tiers["L2"].Target, tiers["L2"].OwnObjective));
        Assert.Equal(("00:05:00", 0.5, true), (tiers["L3"].Threshold, tiers["L3"].Target, tiers["L3"].OwnObjective));
        foreach (var tier in new[] { "L1", "L2", "L3" })
        {
            Assert.Equal(results.TierVerdict(tier).ToString(), tiers[tier].Verdict);
            Assert.Equal(results.Total($"{tier}.serviceLevel")!.Value.Mean, tiers[tier].Achieved!.Mean);
        }

        var csv = SimulationCsv.Objectives(results).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(SimulationCsv.ObjectivesHeader, csv[0]);
        Assert.StartsWith("overall,5,0.8,", csv[1], StringComparison.Ordinal);
        Assert.StartsWith("L2,60,0.7,", csv[3], StringComparison.Ordinal);
        Assert.EndsWith("," + results.TierVerdict("L2"), csv[3], StringComparison.Ordinal);
        Assert.StartsWith("L3,5,0.5,", csv[4], StringComparison.Ordinal);

        var html = SimulationHtml.Build(results);
        Assert.Contains("<td>70.0 % ≤ 01:00:00</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>50.0 % ≤ 00:05:00</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tier_threshold_changes_that_tiers_service_level_and_no_other_figure()
    {
        var plain = ScenarioJson.ParseScenario(TestScenarios.Tiny);
        var tiered = _results.Value.Scenario;
        var a = new SimulationRun(plain, 0).RunFast().Totals.Values;
        var b = new SimulationRun(tiered, 0).RunFast().Totals.Values;
        foreach (var (key, value) in a)
        {
            if (key == "L2.serviceLevel")
            {
                Assert.True(b[key] >= value, $"L2 within an hour ({b[key].ToString(CultureInfo.InvariantCulture)}) is at least L2 within 5 minutes ({value.ToString(CultureInfo.InvariantCulture)})");
            }
            else
            {
                Assert.Equal(value, b[key]);
            }
        }
    }

    [Theory]
    [InlineData("\"L9\": { \"target\": 0.5 }", "$.serviceLevel.tiers.L9: 'L9' — no such tier")]
    [InlineData("\"L2\": { \"threshold\": \"00:00:00\" }", "$.serviceLevel.tiers.L2.threshold")]
    [InlineData("\"L2\": { \"target\": 1.5 }", "$.serviceLevel.tiers.L2.target: 1.5 — must be in (0, 1]")]
    public void A_bad_tier_objective_is_refused_naming_the_field(string tiers, string expected)
    {
        var json = TestScenarios.Tiny.Replace(
            "\"target\": 0.8 }", "\"target\": 0.8, \"tiers\": { " + tiers + " } }", StringComparison.Ordinal);
        var read = ScenarioJson.Read(json);
        Assert.Null(read.Value);
        Assert.Contains(read.Errors, e => e.Contains(expected, StringComparison.Ordinal));
    }
}
