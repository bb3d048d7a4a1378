using SupportQueue.Client.Simulation;
using SupportQueue.Core.Model;
using SupportQueue.Core.Simulation;

namespace SupportQueue.Grains.Tests.SimulationCli;

public class SampleScenarioTests
{
    /// <summary>Desk settings (for `desk configure`, and the load tests' policy files copied beside the samples), not scenarios.</summary>
    private static readonly string[] _deskSettingsFiles = ["desk-default.json", "policy-a.json", "policy-b.json"];

    public static TheoryData<string> ScenarioFiles() => [.. ScenarioNames()];

    private static IEnumerable<string> ScenarioNames() =>
        Directory.GetFiles(TestScenarios.ScenariosDirectory, "*.json")
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => !_deskSettingsFiles.Contains(name))
            .Order(StringComparer.Ordinal);

    [Fact]
    public void The_three_documented_samples_ship()
    {
        var names = ScenarioNames().ToList();

        Assert.Contains("retail-holiday-peak.json", names);
        Assert.Contains("b2b-saas-weekday.json", names);
        Assert.Contains("mmc-sanity.json", names);
    }

    [Theory]
    [MemberData(nameof(ScenarioFiles))]
    public void Sample_loads_validates_and_runs_for_a_day(string file)
    {
        var scenario = ScenarioJson.ParseScenario(File.ReadAllText(Path.Combine(TestScenarios.ScenariosDirectory, file)), file);
        Assert.Empty(scenario.Validate());

        var day = scenario with
        {
            Horizon = TimeSpan.FromDays(1),
            WarmUp = scenario.WarmUp < TimeSpan.FromHours(2) ? scenario.WarmUp : TimeSpan.FromHours(2),
            Replications = 1,
        };
        var result = new SimulationRun(day, 0).RunFast();

        Assert.True(result.Totals.Values["arrivals"] > 0, "no tickets arrived");
        Assert.True(result.Totals.Values["resolved"] > 0, "nothing was resolved");
        var results = new SimulationResults(day, SimulationSummary.Merge([result]), "fast", DateTimeOffset.UnixEpoch);
        Assert.NotEmpty(results.Plan.Rows);
        Assert.Equal(5, System.Text.RegularExpressions.Regex.Count(SimulationHtml.Build(results), "<svg"));
    }

    [Fact]
    public void Retail_peak_has_the_holiday_features()
    {
        var s = ScenarioJson.ParseScenario(File.ReadAllText(Path.Combine(TestScenarios.ScenariosDirectory, "retail-holiday-peak.json")));

        Assert.Equal(["L1", "L2", "L3"], s.Desk.Tiers.Select(t => t.Name));
        Assert.Equal(24, s.Demand.Intraday!.Count);
        Assert.Equal(7, s.Demand.DayOfWeek!.Count);
        Assert.Contains(s.Demand.Seasons!, season => season.Factor > 1);
        var blackFriday = Assert.Single(s.Demand.Events!);
        Assert.Equal(4.0, blackFriday.Factor);
        Assert.Equal(new DateTime(2026, 11, 27), blackFriday.From);
        Assert.True(s.Roster.Shrinkage > 0);
        Assert.All(s.Roster.Groups, g => Assert.False(g.Shifts.IsDefaultOrEmpty));
        Assert.Contains(s.Roster.Groups, g => g.Shifts.Any(shift => !shift.Breaks.IsDefaultOrEmpty));
        Assert.True(s.TicketClasses.Length >= 4);
        Assert.Contains(s.TicketClasses, c => c.Handling.Values.Any(d => d.Kind == Core.Randomness.DistributionKind.Lognormal));
        Assert.Contains(s.TicketClasses, c => c.Handling.Values.Any(d => d.Kind == Core.Randomness.DistributionKind.Gamma));
        Assert.Contains(s.TicketClasses, c => c.Patience is not null);
        Assert.Contains(s.TicketClasses, c => c.Reopen is not null);
        Assert.Contains(s.TicketClasses, c => c.Resolve is not null && c.Resolve.Values.Any(p => p < 1));
        Assert.Contains(s.TicketClasses, c => !c.Skills.IsDefaultOrEmpty);
    }

    [Fact]
    public void B2b_weekday_bypasses_L1_for_P1_and_escalates_on_wait()
    {
        var s = ScenarioJson.ParseScenario(File.ReadAllText(Path.Combine(TestScenarios.ScenariosDirectory, "b2b-saas-weekday.json")));

        Assert.Contains(s.Desk.Escalation, r => r.Kind == EscalationRuleKind.SeverityBypass && r.Priority == Priority.P1 && r.EntryTier == "L2");
        Assert.Contains(s.Desk.Escalation, r => r.Kind == EscalationRuleKind.WaitTimeout);
        Assert.Equal(DayOfWeek.Monday, s.Start.DayOfWeek);
        Assert.True(StaffingPlan.ScenarioAht(s, 1) > 2 * StaffingPlan.ScenarioAht(s, 0));
    }

    [Fact]
    public void Mmc_sanity_is_the_Erlang_C_textbook_queue()
    {
        var s = ScenarioJson.ParseScenario(File.ReadAllText(Path.Combine(TestScenarios.ScenariosDirectory, "mmc-sanity.json")));

        Assert.Equal(30, s.IntervalMinutes);
        Assert.Equal(100.0, s.Demand.BaseVolume);
        Assert.Equal(14, Assert.Single(s.Roster.Groups).Count);
        Assert.Equal(Core.Randomness.DistributionSpec.Exponential(3), Assert.Single(s.TicketClasses).HandlingAt("L1"));
        Assert.Equal(TimeSpan.FromSeconds(20), s.ServiceLevel.Threshold);
        Assert.Null(s.TicketClasses[0].Patience);
    }
}
