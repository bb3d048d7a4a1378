using System.Text.Json.Nodes;

namespace SupportQueue.Json.Tests;

/// <summary>The scheduling section of a scenario file: read for plan, ignored by simulate, every bad value named by path and value.</summary>
public class ScenarioPlanJsonTests
{
    private const string Small = """
        {
          "name": "small week",
          "start": "2026-03-02T00:00:00",
          "horizon": "2.00:00:00",
          "replications": 2,
          "desk": { "tiers": [ { "name": "L1" }, { "name": "L2" } ] },
          "roster": { "groups": [ { "name": "g1", "tier": "L1", "count": 3 }, { "name": "g2", "tier": "L2", "count": 1 } ] },
          "ticketClasses": [
            { "name": "q", "share": 1, "priority": "P2",
              "handling": { "L1": { "kind": "exponential", "mean": 4 }, "*": { "kind": "fixed", "value": 9 } } }
          ],
          "demand": { "baseVolume": 10, "intervalMinutes": 30 },
          "serviceLevel": { "threshold": "00:05:00" },
          "scheduling": {
            "shrinkage": 0.1,
            "headCountCaps": { "L2": 6 },
            "templates": [
              { "name": "early", "tier": "L1", "startTimes": [ "06:00:00", "06:30:00" ], "lengths": [ "08:30:00" ], "costPerPaidHour": 20,
                "breaks": [ { "length": "00:30:00", "earliestStart": "03:30:00", "latestStart": "05:00:00" } ] },
              { "name": "part", "tier": "L1", "days": [ "Monday", "Tuesday" ], "startTimes": [ "10:00:00" ], "lengths": [ "04:00:00" ], "costPerPaidHour": 21, "maxPerDay": 3 },
              { "name": "l2", "tier": "L2", "startTimes": [ "08:00:00" ], "lengths": [ "08:00:00" ], "costPerPaidHour": 30, "minPerDay": 2 }
            ],
            "solver": { "timeLimit": "00:00:05" }
          }
        }
        """;

    private static string With(Action<JsonObject> change)
    {
        var root = JsonNode.Parse(Small)!.AsObject();
        change(root["scheduling"]!.AsObject());
        return root.ToJsonString();
    }

    private static JsonObject Template(JsonObject scheduling, int index) => scheduling["templates"]![index]!.AsObject();

    private static IReadOnlyList<string> Errors(string json)
    {
        var result = ScenarioPlanJson.Read(json);
        Assert.Null(result.Value);
        Assert.NotEmpty(result.Errors);
        return result.Errors;
    }

    [Fact]
    public void The_section_is_read_into_the_engines_spec()
    {
        var result = ScenarioPlanJson.Read(Small);

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        var spec = result.Value!.Scheduling;
        Assert.Equal(["early", "part", "l2"], spec.Templates.Select(t => t.Name));
        Assert.Equal([TimeSpan.FromHours(6), TimeSpan.FromHours(6.5)], spec.Templates[0].StartTimes.AsEnumerable());
        Assert.Equal(TimeSpan.FromMinutes(30), spec.Templates[0].Breaks.Single().Length);
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Tuesday], spec.Templates[1].Days.AsEnumerable());
        Assert.Equal(3, spec.Templates[1].MaxPerDay);
        Assert.Equal(6, spec.HeadCountCaps!["L2"]);
        Assert.Equal(0.1, spec.Shrinkage);
        Assert.Equal(TimeSpan.FromSeconds(5), spec.Solver.TimeLimit);
        Assert.Equal("small week", result.Value.Scenario.Name);
    }

    [Fact]
    public void Simulate_reads_the_same_file_and_ignores_the_section()
    {
        var withSection = ScenarioJson.Read(Small);
        var without = ScenarioJson.Read(With(_ => { }).Replace("\"scheduling\":", "\"_\":", StringComparison.Ordinal));

        Assert.True(withSection.IsValid, string.Join(Environment.NewLine, withSection.Errors));
        Assert.Contains("unknown field", without.Errors.Single(), StringComparison.Ordinal);
        Assert.DoesNotContain("scheduling", ScenarioJson.Write(withSection.Value!), StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_still_refuses_a_malformed_section_with_its_path_and_position()
    {
        var json = Small.Replace("\"costPerPaidHour\": 20,", "\"costPerPaidHour\": 20, \"colour\": \"red\",", StringComparison.Ordinal);

        var error = ScenarioJson.Read(json).InputError;

        Assert.NotNull(error);
        Assert.Equal("$.scheduling.templates[0].colour", error.Path);
        Assert.Equal("unknown field", error.Reason);
        Assert.Equal(18, error.Line);
        Assert.Equal(error.ToString(), ScenarioPlanJson.Read(json).Errors.Single());
    }

    [Fact]
    public void Plan_needs_the_section()
    {
        var json = JsonNode.Parse(Small)!.AsObject();
        json.Remove("scheduling");

        Assert.StartsWith("$.scheduling: (none) — required by plan", Errors(json.ToJsonString()).Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_field_left_out_is_named()
    {
        var error = ScenarioPlanJson.Read(With(s => Template(s, 1).Remove("costPerPaidHour"))).InputError;

        Assert.NotNull(error);
        Assert.Equal("$.scheduling.templates[1]", error.Path);
        Assert.Contains("'costPerPaidHour'", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_start_off_the_interval_grid_is_refused_with_its_path_and_value()
    {
        var errors = Errors(With(s => Template(s, 0)["startTimes"]![1] = "06:40:00"));

        Assert.Equal("$.scheduling.templates[0].startTimes[1]: 06:40:00 — must be a time of day on the 30-minute interval grid", errors.Single());
    }

    [Theory]
    [InlineData(0, "$.scheduling.templates[1].costPerPaidHour: 0 — must be positive")]
    [InlineData(-5, "$.scheduling.templates[1].costPerPaidHour: -5 — must be in [0, 1e6]")]
    public void Costs_must_be_positive(double cost, string expected)
    {
        var errors = Errors(With(s => Template(s, 1)["costPerPaidHour"] = cost));

        Assert.StartsWith(expected, errors.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_on_no_day_of_the_horizon_covers_no_interval()
    {
        var errors = Errors(With(s => Template(s, 1)["days"] = new JsonArray("Saturday", "Sunday")));

        Assert.Equal("$.scheduling.templates[1].days: [Saturday, Sunday] — none of these days is in the horizon (Monday, Tuesday): the template covers no interval", errors.Single());
    }

    [Fact]
    public void A_length_too_short_for_its_breaks_is_refused()
    {
        var errors = Errors(With(s => Template(s, 0)["lengths"] = new JsonArray("08:30:00", "04:00:00")));

        Assert.Equal("$.scheduling.templates[0].lengths[1]: 04:00:00 — too short for the template's breaks: placed as early as allowed they end 04:00:00 into the shift", errors.Single());
    }

    [Fact]
    public void A_break_that_cannot_follow_the_one_before_is_refused()
    {
        var errors = Errors(With(s => Template(s, 0)["breaks"]!.AsArray().Add(
            new JsonObject { ["length"] = "00:15:00", ["earliestStart"] = "02:00:00", ["latestStart"] = "03:30:00" })));

        Assert.Equal("$.scheduling.templates[0].breaks[1]: 00:15:00 from 02:00:00 to 03:30:00 — cannot start after break 0 ends (04:00:00 into the shift) and by its latestStart: breaks are taken in order and do not overlap", errors.Single());
    }

    [Fact]
    public void A_cap_below_the_templates_minimum_head_count_is_below_any_feasible_roster()
    {
        var errors = Errors(With(s => s["headCountCaps"]!["L2"] = 1));

        Assert.Equal("$.scheduling.headCountCaps.L2: 1 — below any feasible roster: on Mon 2 Mar the templates need at least 2 people (l2 minPerDay 2)", errors.Single());
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var errors = Errors(With(s =>
        {
            Template(s, 0)["tier"] = "L9";
            Template(s, 2)["startTimes"] = new JsonArray("08:10:00");
            s["shrinkage"] = 1.5;
        }));

        Assert.Contains(errors, e => e.StartsWith("$.scheduling.templates[0].tier: 'L9'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("$.scheduling.templates[2].startTimes[0]: 08:10:00", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("$.scheduling.shrinkage: 1.5", StringComparison.Ordinal));
    }

    [Fact]
    public void Written_with_its_section_it_reads_back_the_same()
    {
        var request = ScenarioPlanJson.Read(Small).Value!;

        var again = ScenarioPlanJson.Read(ScenarioPlanJson.Write(request.Scenario, request.Scheduling));

        Assert.True(again.IsValid, string.Join(Environment.NewLine, again.Errors));
        Assert.Equal(ScenarioJson.Write(request.Scenario), ScenarioJson.Write(again.Value!.Scenario));
        Assert.Equal(SupportQueueJson.Write(request.Scheduling), SupportQueueJson.Write(again.Value.Scheduling));
    }

    [Theory]
    [InlineData("b2b-saas-weekday.json")]
    [InlineData("retail-holiday-peak.json")]
    public void The_sample_scenarios_plan(string file)
    {
        var result = ScenarioPlanJson.LoadFile(Path.Combine(AppContext.BaseDirectory, "scenarios", file));

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        Assert.All(result.Value!.Scenario.Desk.Tiers, tier => Assert.Contains(result.Value.Scheduling.Templates, t => t.Tier == tier.Name));
    }
}
