using SupportQueue.Client.Planning;
using SupportQueue.Core.Planning;

namespace SupportQueue.Grains.Tests.PlanCli;

/// <summary>plan's files from a hand-made result: the columns a planner's tools read, and the report's parts.</summary>
public class PlanOutputTests
{
    private static readonly DateTimeOffset _at = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);

    private static string[][] Csv(string text) =>
        [.. text.TrimEnd('\n').Split('\n').Select(line => line.Split(','))];

    [Fact]
    public void Roster_csv_has_one_row_per_shift_with_times_days_breaks_and_totals()
    {
        var rows = Csv(PlanCsv.Roster(PlanScenarios.Result()));

        Assert.Equal(["tier", "agent_group", "template", "start", "end", "days", "breaks", "head_count", "paid_hours", "cost"], rows[0]);
        Assert.Equal(["L1", "l1", "L1-full", "08:00", "16:30", "Mon", "12:00–12:30", "3", "24", "480"], rows[1]);
        Assert.Equal(["L1", "l1", "L1-part", "10:00", "14:00", "Mon", "", "2", "8", "176"], rows[2]);
        Assert.Equal(["L2", "l2", "L2-full", "08:00", "16:00", "Mon", "", "1", "8", "240"], rows[3]);
        Assert.Equal(4, rows.Length);
    }

    [Fact]
    public void Requirements_csv_has_both_requirements_the_roster_and_the_verified_service_level_with_its_interval()
    {
        var rows = Csv(PlanCsv.Requirements(PlanScenarios.Result()));
        var header = rows[0];
        int Col(string name) => Array.IndexOf(header, name);

        Assert.Equal(1 + (16 * 2), rows.Length);
        foreach (var column in new[] { "interval", "tier", "erlang_required", "simulated_required", "scheduled_on_duty", "service_level", "service_level_lower", "service_level_upper" })
        {
            Assert.True(Col(column) >= 0, column);
        }

        var missed = rows.Single(r => r[Col("interval")] == "9" && r[Col("tier")] == "L1");
        Assert.Equal(["5", "4", "3", "0.6", "0.55", "0.65", "missed"],
            new[] { missed[Col("erlang_required")], missed[Col("simulated_required")], missed[Col("scheduled_on_duty")], missed[Col("service_level")], missed[Col("service_level_lower")], missed[Col("service_level_upper")], missed[Col("verdict")] });
        Assert.Equal("2026-11-23T12:30", missed[Col("start")]);
    }

    [Fact]
    public void Planned_scenario_is_the_roster_with_the_verification_seed_and_the_scheduling_section()
    {
        var request = PlanScenarios.Request;
        var files = PlanOutput.Build(request, PlanScenarios.Result(), _at);

        var planned = ScenarioPlanJson.Read(files["scenario.planned.json"]);

        Assert.True(planned.IsValid, string.Join(Environment.NewLine, planned.Errors));
        Assert.Equal(1011UL, planned.Value!.Scenario.Seed);
        Assert.Equal(request.Scheduling.Templates.Select(t => t.Name), planned.Value.Scheduling.Templates.Select(t => t.Name));
        Assert.True(ScenarioJson.Read(files["scenario.planned.json"]).IsValid);
        Assert.Equal(PlanOutput.FileNames.Order(), files.Keys.Order());
    }

    [Fact]
    public void Report_shows_the_verdict_the_cost_against_erlang_and_per_tier_a_heat_map_curves_and_service_level()
    {
        var html = PlanHtml.Build(PlanScenarios.Result(), _at);

        Assert.Contains("31 of 32 loaded intervals within the templates&#39; hours (96.9 %) meet their target by the mean; 1 shown to miss", html, StringComparison.Ordinal);
        Assert.Contains("Erlang-based roster from the same solver: 38 paid hours, cost 1,016 — the plan costs 11.8 % less.", html, StringComparison.Ordinal);
        Assert.Contains("head-count cap", html, StringComparison.Ordinal);
        Assert.Contains("cap binding: 1.0 agent short", html, StringComparison.Ordinal);
        Assert.Equal(1, Count(html, "<title>L1: scheduled on duty − required"));
        Assert.Equal(1, Count(html, "<title>L2: scheduled on duty − required"));
        Assert.Equal(2 * 3, Count(html, "<svg"));
        Assert.Contains("class=\"cell\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Intervals_outside_the_templates_hours_are_stated_apart_and_left_out_of_the_met_share()
    {
        // L2's last two intervals: tickets (night escalations, say) where no L2 template can be on duty.
        var result = PlanScenarios.Result();
        result = result with
        {
            Intervals = [.. result.Intervals.Select(r => r.Tier == "L2" && r.Interval >= 14
                ? r with { Verdict = IntervalVerdict.Missed, ServiceLevel = 0.1, Scheduled = 0, InTemplateHours = false }
                : r)],
        };

        Assert.Equal(30, result.LoadedIntervals);
        Assert.Equal(2, result.OutsideTemplateHours);
        Assert.Equal(29 / 30.0, result.MetByMeanShare, 9);
        var verdict = PlanTables.Verdict(result);
        Assert.Contains("29 of 30 loaded intervals within the templates' hours (96.7 %) meet their target by the mean; 1 shown to miss", verdict, StringComparison.Ordinal);
        Assert.Contains("Outside the templates' hours: 2 loaded interval(s) (L2 2), 4 tickets per replication; their tickets wait for opening", verdict, StringComparison.Ordinal);
        Assert.Contains("Outside the templates&#39; hours: 2", PlanHtml.Build(result, _at), StringComparison.Ordinal);

        var rows = Csv(PlanCsv.Requirements(result));
        var column = Array.IndexOf(rows[0], "in_template_hours");
        Assert.Equal(2, rows.Count(r => r[column] == "false"));
        Assert.All(rows.Skip(1).Where(r => r[column] == "false"), r => Assert.Equal("L2", r[Array.IndexOf(rows[0], "tier")]));
    }

    [Fact]
    public void Consecutive_misses_of_one_tier_and_reason_read_as_one_stretch()
    {
        var start = new DateTime(2026, 11, 27, 8, 0, 0);
        PlanMiss Miss(string tier, int interval, MissReason reason, double short_) =>
            new(tier, interval, start.AddMinutes(15 * interval), 0.5, 0.1, 0.8, short_, reason, $"{tier} {interval}");

        var runs = PlanMissRun.Of(
            [Miss("L2", 0, MissReason.CapBinding, 3), Miss("L2", 1, MissReason.CapBinding, 7), Miss("L2", 2, MissReason.CapBinding, 1),
             Miss("L2", 5, MissReason.CapBinding, 2), Miss("L1", 1, MissReason.CapBinding, 1), Miss("L2", 3, MissReason.NotCoverable, 0)], 15);

        var first = runs.Single(r => r.Tier == "L2" && r.Reason == MissReason.CapBinding && r.Intervals == 3);
        Assert.Equal((start, start.AddMinutes(45), 7.0, "L2 1"), (first.From, first.To, first.MostShort, first.Detail));
        Assert.Equal(4, runs.Count);
    }

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
