using SupportQueue.Core.Model;

namespace SupportQueue.Json.Tests;

/// <summary>Desk settings as <c>desk configure</c> reads them (moved from the CLI tests with the reader).</summary>
public class DeskSettingsJsonTests
{
    private const string Minimal = """
        {
          "tiers": [ { "name": "L1" }, { "name": "L2" }, { "name": "L3" } ],
          "escalation": [ { "kind": "WaitTimeout", "tier": "L1", "after": "00:30:00" } ]
        }
        """;

    private static string ScenarioPath => Path.Combine(AppContext.BaseDirectory, "scenarios", "desk-default.json");

    private static string SingleError(string json)
    {
        var result = DeskSettingsJson.Read(json);
        Assert.False(result.IsValid);
        Assert.Null(result.Value);
        return Assert.Single(result.Errors);
    }

    [Fact]
    public void Shipped_default_desk_loads_with_three_tiers_rules_and_sla()
    {
        var result = DeskSettingsJson.LoadFile(ScenarioPath);

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        var settings = result.Value!;
        Assert.Equal(["L1", "L2", "L3"], settings.Tiers.Select(t => t.Name));
        var wait = Assert.Single(settings.Escalation, r => r.Kind == EscalationRuleKind.WaitTimeout);
        Assert.Equal("L1", wait.Tier);
        Assert.Equal(TimeSpan.FromMinutes(30), wait.After);
        var bypass = Assert.Single(settings.Escalation, r => r.Kind == EscalationRuleKind.SeverityBypass);
        Assert.Equal(Priority.P1, bypass.Priority);
        Assert.Equal("L2", bypass.EntryTier);
        Assert.Equal([Priority.P1, Priority.P2, Priority.P3, Priority.P4], settings.Sla.Select(s => s.Priority));
        Assert.All(settings.Sla, s => Assert.NotNull(s.FirstResponse));
        Assert.Equal(TimeSpan.FromMinutes(15), settings.SlaFor(Priority.P1)!.FirstResponse);
    }

    [Fact]
    public void Omitted_fields_keep_their_defaults()
    {
        var result = DeskSettingsJson.Read(Minimal);

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        Assert.Equal(DeskSettings.Default.Selection, result.Value!.Selection);
        Assert.Equal(DeskSettings.Default.ReservationTimeout, result.Value.ReservationTimeout);
        Assert.Equal(DeskSettings.Default.AgingStep, result.Value.AgingStep);
    }

    [Fact]
    public void Serialized_settings_read_back_the_same()
    {
        var original = DeskSettingsJson.LoadFile(ScenarioPath).Value!;
        var json = DeskSettingsJson.Write(original);

        var again = DeskSettingsJson.Read(json);

        Assert.True(again.IsValid, string.Join(Environment.NewLine, again.Errors));
        Assert.Equal(json, DeskSettingsJson.Write(again.Value!));
        Assert.Contains("\"after\": \"00:30:00\"", json, StringComparison.Ordinal);
        Assert.Contains("\"kind\": \"SeverityBypass\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_top_level_field_is_refused_with_its_path()
    {
        var error = SingleError("""{ "tiers": [ { "name": "L1" } ], "maxOpenTicket": 5 }""");

        Assert.StartsWith("$.maxOpenTicket: 5 — unknown field", error, StringComparison.Ordinal);
        Assert.EndsWith("expected one of: tiers, selection, agingStep, borrowing, escalation, sla, reservationTimeout, maxOpenTickets, queueOrder, serviceLevelTarget, timeZone", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_nested_field_is_refused_with_its_full_path()
    {
        var error = SingleError("""
            { "tiers": [ { "name": "L1" }, { "name": "L2" } ],
              "escalation": [ { "kind": "WaitTimeout", "tier": "L1", "afterr": "00:10:00" } ] }
            """);

        Assert.StartsWith("$.escalation[0].afterr: \"00:10:00\" — unknown field", error, StringComparison.Ordinal);
        Assert.Contains("after", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"00:90:00\"")]
    [InlineData("\"30\"")]
    [InlineData("1800")]
    [InlineData("\"half an hour\"")]
    public void Malformed_duration_names_path_value_and_format(string value)
    {
        var error = SingleError($$"""
            { "tiers": [ { "name": "L1" }, { "name": "L2" } ],
              "escalation": [ { "kind": "WaitTimeout", "tier": "L1", "after": {{value}} } ] }
            """);

        Assert.StartsWith($"$.escalation[0].after: {value} — must be a duration \"hh:mm:ss\" or \"d.hh:mm:ss\", e.g. \"00:30:00\" (line 2, column ", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"Fastest\"")]
    [InlineData("1")]
    [InlineData("\"1\"")]
    public void Enum_must_be_one_of_its_names(string value)
    {
        var error = SingleError($$"""{ "selection": {{value}} }""");

        Assert.Equal($"$.selection: {value} — must be one of LongestIdle, LeastBusy, RoundRobin, BestSkill (line 1, column 16)", error);
    }

    [Fact]
    public void Enums_are_read_case_insensitively()
    {
        var result = DeskSettingsJson.Read("""{ "selection": "bestSkill", "sla": [ { "priority": "p1", "firstResponse": "00:10:00" } ] }""");

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        Assert.Equal(AgentSelection.BestSkill, result.Value!.Selection);
    }

    [Fact]
    public void Wrong_json_type_names_what_was_expected()
    {
        var error = SingleError("""{ "maxOpenTickets": "lots" }""");

        Assert.Equal("$.maxOpenTickets: \"lots\" — must be a whole number (line 1, column 21)", error);
    }

    [Fact]
    public void Wrong_type_inside_a_nested_object_names_the_field()
    {
        var error = SingleError("""{ "borrowing": { "enabled": "yes" } }""");

        Assert.Equal("$.borrowing.enabled: \"yes\" — must be true or false (line 1, column 29)", error);
    }

    [Fact]
    public void Missing_rule_kind_is_refused_rather_than_defaulted()
    {
        var error = SingleError("""{ "escalation": [ { "tier": "L1", "after": "00:10:00" } ] }""");

        Assert.StartsWith("$.escalation[0]: {…} — missing required field 'kind'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_for_a_required_object_is_refused()
    {
        var error = SingleError("""{ "borrowing": null }""");

        Assert.StartsWith("$.borrowing: null — must not be null (line 1, column ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validation_errors_are_reported_with_path_value_and_reason()
    {
        var result = DeskSettingsJson.Read("""
            {
              "tiers": [ { "name": "L1" }, { "name": "L2" } ],
              "escalation": [ { "kind": "WaitTimeout", "tier": "L2", "after": "00:10:00" } ],
              "sla": [ { "priority": "P2", "firstResponse": "-00:05:00" } ],
              "maxOpenTickets": 0
            }
            """);

        Assert.False(result.IsValid);
        Assert.Contains("$.escalation[0].tier: 'L2' — the last tier has nowhere to escalate to", result.Errors);
        Assert.Contains("$.sla[0].firstResponse: -00:05:00 — must be positive", result.Errors);
        Assert.Contains("$.maxOpenTickets: 0 — must be positive", result.Errors);
    }

    [Fact]
    public void Unknown_tier_in_a_rule_is_a_validation_error()
    {
        var result = DeskSettingsJson.Read("""{ "escalation": [ { "kind": "SeverityBypass", "priority": "P1", "entryTier": "L9" } ] }""");

        Assert.Equal(["$.escalation[0].entryTier: 'L9' — no such tier on this desk"], result.Errors);
    }

    [Fact]
    public void Broken_json_reports_where()
    {
        var error = SingleError("{\n  \"tiers\": [ { \"name\": \"L1\" } ],\n  \"agingStep\": \"00:15:00\"\n  \"selection\": \"LeastBusy\"\n}");

        Assert.Contains("invalid JSON", error, StringComparison.Ordinal);
        Assert.Contains("line 4", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_field_is_refused()
    {
        var error = SingleError("""{ "agingStep": "00:15:00", "agingStep": "00:05:00" }""");

        Assert.Equal("$.agingStep: \"00:05:00\" — field given twice; a field may appear only once (line 1, column 28)", error);
    }

    [Fact]
    public void Top_level_must_be_an_object()
    {
        var error = SingleError("[1, 2]");

        Assert.Equal("$: [2 items] — must be an object (line 1, column 1)", error);
    }

    [Fact]
    public void Missing_file_is_an_error_not_an_exception()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}.json");

        var result = DeskSettingsJson.LoadFile(path);

        Assert.Equal([$"settings file: '{path}' — file not found"], result.Errors);
    }
}
