using System.Text;
using System.Text.Json;
using SupportQueue.Core.Model;
using SupportQueue.Core.Randomness;
using SupportQueue.Core.Simulation;

namespace SupportQueue.Json.Tests;

/// <summary>The dialect's refusals: each names the path, the value as written and the line and column where it starts.</summary>
public class SupportQueueJsonTests
{
    private const string Scenario = """
        {
          // comments and trailing commas are allowed, as scenario files always had them
          "name": "small",
          "horizon": "04:00:00",
          "replications": 1,
          "desk": { "tiers": [ { "name": "L1" }, { "name": "L2" } ] },
          "roster": {
            "groups": [
              { "name": "g1", "tier": "L1", "count": 3 },
              { "name": "g2", "tier": "L2", "count": 1, },
            ]
          },
          "ticketClasses": [
            { "name": "q", "share": 1, "priority": "P2",
              "handling": { "L1": { "kind": "exponential", "mean": 4 }, "*": { "kind": "fixed", "value": 9 } } }
          ],
          "demand": { "baseVolume": 10, "intervalMinutes": 15 },
          "serviceLevel": { "threshold": "00:05:00" }
        }
        """;

    private static JsonInputError InputError<T>(string json)
        where T : class
    {
        var result = SupportQueueJson.Read<T>(json);
        Assert.Null(result.Value);
        Assert.NotNull(result.InputError);
        Assert.Equal([result.InputError.ToString()], result.Errors);
        return result.InputError;
    }

    private static void AssertAt(JsonInputError error, string json, string marker, int occurrence = 1, int skip = 0)
    {
        var (line, column) = TextPosition.Of(json, marker, occurrence);
        Assert.Equal((line, column + skip), (error.Line, error.Column));
    }

    [Fact]
    public void The_sample_scenario_reads()
    {
        var result = ScenarioJson.Read(Scenario);

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        Assert.Equal(2, result.Value!.Roster.Groups.Length);
    }

    [Fact]
    public void Unknown_field_names_path_value_position_and_the_fields_expected()
    {
        var json = Scenario.Replace("\"count\": 3 }", "\"count\": 3, \"colour\": \"red\" }", StringComparison.Ordinal);

        var error = InputError<Scenario>(json);

        Assert.Equal(("$.roster.groups[0].colour", "\"red\"", "unknown field"), (error.Path, error.Value, error.Reason));
        AssertAt(error, json, "\"colour\"");
        Assert.Equal("expected one of: name, tier, count, skills, capacity, shifts", error.Hint);
        Assert.StartsWith($"$.roster.groups[0].colour: \"red\" — unknown field (line {error.Line}, column {error.Column}); expected one of:", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_field_is_refused_where_it_is_given_the_second_time()
    {
        var json = Scenario.Replace("\"replications\": 1,", "\"replications\": 1, \"replications\": 7,", StringComparison.Ordinal);

        var error = InputError<Scenario>(json);

        Assert.Equal(("$.replications", "7"), (error.Path, error.Value));
        Assert.StartsWith("field given twice", error.Reason, StringComparison.Ordinal);
        AssertAt(error, json, "\"replications\"", occurrence: 2);
    }

    [Fact]
    public void Duplicate_key_inside_a_map_is_refused_too()
    {
        var json = Scenario.Replace("\"*\": {", "\"L1\": { \"kind\": \"fixed\", \"value\": 1 }, \"*\": {", StringComparison.Ordinal);

        var error = InputError<Scenario>(json);

        Assert.Equal(("$.ticketClasses[0].handling.L1", "{…}"), (error.Path, error.Value));
        AssertAt(error, json, "\"L1\": { \"kind\": \"fixed\"");
    }

    [Theory]
    [InlineData("\"replications\": 1,", "\"replications\": \"one\",", "$.replications", "\"one\"", "must be a whole number")]
    [InlineData("\"replications\": 1,", "\"replications\": 1.5,", "$.replications", "1.5", "must be a whole number")]
    [InlineData("\"horizon\": \"04:00:00\",", "\"horizon\": 240,", "$.horizon", "240", "must be a duration \"hh:mm:ss\" or \"d.hh:mm:ss\", e.g. \"00:30:00\"")]
    [InlineData("\"count\": 3 }", "\"count\": [3] }", "$.roster.groups[0].count", "[1 items]", "must be a whole number")]
    [InlineData("\"groups\": [", "\"groups\": 5, \"x\": [", "$.roster.groups", "5", "must be an array")]
    [InlineData("\"share\": 1,", "\"share\": true,", "$.ticketClasses[0].share", "true", "must be a number")]
    [InlineData("\"name\": \"small\",", "\"name\": null,", "$.name", "null", "must not be null")]
    public void Wrong_type_names_path_value_and_what_was_expected(string from, string to, string path, string value, string reason)
    {
        var json = Scenario.Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(Scenario, json);

        var error = InputError<Scenario>(json);

        Assert.Equal((path, value, reason), (error.Path, error.Value, error.Reason));
        AssertAt(error, json, to[(to.IndexOf(':', StringComparison.Ordinal) + 2)..]);
    }

    [Theory]
    [InlineData("\"P9\"")]
    [InlineData("2")]
    [InlineData("\"2\"")]
    [InlineData("\"P1, P2\"")]
    public void Enum_value_must_be_a_name(string value)
    {
        var json = Scenario.Replace("\"priority\": \"P2\"", $"\"priority\": {value}", StringComparison.Ordinal);

        var error = InputError<Scenario>(json);

        Assert.Equal(("$.ticketClasses[0].priority", value, "must be one of P1, P2, P3, P4"), (error.Path, error.Value, error.Reason));
        AssertAt(error, json, $"\"priority\": {value}", skip: "\"priority\": ".Length);
    }

    [Fact]
    public void Enum_names_are_read_in_any_case_and_distribution_kinds_are_written_in_lower_case()
    {
        var json = Scenario.Replace("\"P2\"", "\"p2\"", StringComparison.Ordinal).Replace("\"exponential\"", "\"EXPONENTIAL\"", StringComparison.Ordinal);

        var scenario = ScenarioJson.Read(json).Value!;

        Assert.Equal(Priority.P2, scenario.TicketClasses[0].Priority);
        Assert.Equal(DistributionKind.Exponential, scenario.TicketClasses[0].Handling["L1"].Kind);
        var written = SupportQueueJson.Write(DistributionSpec.Lognormal(12.5, 4), indented: false);
        Assert.Contains("\"kind\":\"lognormal\"", written, StringComparison.Ordinal);
        Assert.Contains("\"stdDev\":4", written, StringComparison.Ordinal);
        Assert.Equal(DistributionSpec.Lognormal(12.5, 4), SupportQueueJson.Read<DistributionSpec>(written).Value);
    }

    [Fact]
    public void Malformed_json_names_where_the_reader_stopped_and_the_text_there()
    {
        var json = Scenario.Replace("\"horizon\": \"04:00:00\",", "\"horizon\": \"04:00:00\"", StringComparison.Ordinal);

        var error = InputError<Scenario>(json);

        Assert.Equal("$", error.Path);
        Assert.StartsWith("invalid JSON", error.Reason, StringComparison.Ordinal);
        Assert.StartsWith("\"replications\": 1,", error.Value, StringComparison.Ordinal);
        AssertAt(error, json, "\"replications\"");
    }

    [Theory]
    [InlineData("", "invalid JSON: the input is empty")]
    [InlineData("  \n ", "invalid JSON: the input is empty")]
    [InlineData("{ \"name\": \"x\"", "invalid JSON: the text ends before the value is complete")]
    public void Empty_or_cut_off_input_is_invalid_json(string json, string reason)
    {
        var error = InputError<Scenario>(json);

        Assert.Equal(reason, error.Reason);
    }

    [Fact]
    public void Malformed_inside_a_nested_value_names_the_enclosing_path()
    {
        var json = "{ \"desk\": { \"tiers\": [ { \"name\": \"L1\" } } }";

        var error = InputError<Scenario>(json);

        Assert.Equal("$.desk.tiers", error.Path);
        Assert.Equal("} }", error.Value);
        AssertAt(error, json, "} }", occurrence: 2);
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_refused_with_its_path()
    {
        var json = "{ \"name\": " + string.Concat(Enumerable.Repeat("[", 100)) + string.Concat(Enumerable.Repeat("]", 100)) + " }";

        var error = InputError<Scenario>(json);

        Assert.Equal("nested deeper than 64 levels", error.Reason);
        Assert.StartsWith("$.name[0][0]", error.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Computed_members_are_not_fields()
    {
        var error = InputError<DeskSettings>("""{ "tiers": [ { "name": "L1" } ], "tierCount": 1 }""");

        Assert.Equal(("$.tierCount", "1", "unknown field"), (error.Path, error.Value, error.Reason));
        Assert.DoesNotContain("tierCount", SupportQueueJson.Write(DeskSettings.Default), StringComparison.Ordinal);
        Assert.DoesNotContain("horizonMinutes", SupportQueueJson.Write(ScenarioJson.Read(Scenario).Value!), StringComparison.Ordinal);
    }

    [Fact]
    public void Null_written_for_aging_reads_back_as_null_not_as_the_default()
    {
        var settings = DeskSettings.Default with { AgingStep = null };

        var again = DeskSettingsJson.Read(DeskSettingsJson.Write(settings));

        Assert.True(again.IsValid, string.Join(Environment.NewLine, again.Errors));
        Assert.Null(again.Value!.AgingStep);
    }

    [Fact]
    public void Scenario_round_trips_through_the_writer()
    {
        var scenario = ScenarioJson.Read(Scenario).Value!;

        var again = ScenarioJson.Read(ScenarioJson.Write(scenario));

        Assert.True(again.IsValid, string.Join(Environment.NewLine, again.Errors));
        Assert.Equal(ScenarioJson.Write(scenario), ScenarioJson.Write(again.Value!));
    }

    [Fact]
    public void Semantic_validation_messages_are_the_engines_unchanged()
    {
        var json = Scenario.Replace("\"tier\": \"L1\"", "\"tier\": \"L9\"", StringComparison.Ordinal);

        var result = ScenarioJson.Read(json);

        Assert.Null(result.InputError);
        Assert.Equal(["$.roster.groups[0].tier: 'L9' — no such tier on the desk (L1, L2)"], result.Errors);
    }

    [Fact]
    public void A_bom_is_accepted()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Scenario)).ToArray();

        Assert.NotNull(SupportQueueJson.Read<Scenario>(bytes).Value);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_without_reading_it_all()
    {
        using var body = new MemoryStream(Encoding.UTF8.GetBytes(Scenario));

        var result = await SupportQueueJson.ReadAsync<Scenario>(body, maxBytes: 100, CancellationToken.None);

        Assert.Equal("the body is larger than 100 bytes", result.InputError!.Reason);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    public async Task A_body_read_in_pieces_larger_than_the_first_buffer_reads_whole(int piece)
    {
        // Spaces past 4 KB make the reader grow its buffer, whatever sizes the stream hands out.
        var bytes = Encoding.UTF8.GetBytes(Scenario + new string(' ', 20_000));
        using var body = new TrickleStream(bytes, piece);

        var atTheLimit = await SupportQueueJson.ReadAsync<Scenario>(body, maxBytes: bytes.Length, CancellationToken.None);

        Assert.Null(atTheLimit.InputError);
        Assert.Equal("small", atTheLimit.Value!.Name);
    }

    [Fact]
    public async Task A_body_one_byte_over_the_limit_is_refused()
    {
        var bytes = Encoding.UTF8.GetBytes(Scenario + new string(' ', 9_000));
        using var body = new TrickleStream(bytes, 1000);

        var result = await SupportQueueJson.ReadAsync<Scenario>(body, maxBytes: bytes.Length - 1, CancellationToken.None);

        Assert.Equal($"the body is larger than {bytes.Length - 1} bytes", result.InputError!.Reason);
    }

    [Fact]
    public void A_refusal_made_elsewhere_is_explained_from_the_exception_and_the_text()
    {
        var json = """{ "selection": "Fastest" }""";
        var ex = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<DeskSettings>(json, SupportQueueJson.Options));

        var withText = SupportQueueJson.Explain(ex, typeof(DeskSettings), Encoding.UTF8.GetBytes(json));
        var withoutText = SupportQueueJson.Explain(ex, typeof(DeskSettings));

        Assert.Equal("$.selection: \"Fastest\" — must be one of LongestIdle, LeastBusy, RoundRobin, BestSkill (line 1, column 16)", withText.ToString());
        Assert.Equal(("$.selection", null), (withoutText.Path, withoutText.Value));
        Assert.Equal(withText.Reason, withoutText.Reason);
    }
}

/// <summary>Bytes that are not UTF-8 are bad input like any other, not a crash.</summary>
public class InvalidUtf8Tests
{
    [Theory]
    [InlineData("{ \"na\xFFme\": \"x\" }")]
    [InlineData("{ \"name\": \"\xFF\" }")]
    [InlineData("{ \"name\": \"x\", \"na\xFFme\": 1 }")]
    public void Invalid_utf8_is_refused_with_a_position(string latin1)
    {
        var bytes = System.Text.Encoding.Latin1.GetBytes(latin1);

        var result = SupportQueueJson.Read<SupportQueue.Core.Simulation.Scenario>(bytes);

        Assert.Null(result.Value);
        Assert.NotNull(result.InputError);
        Assert.NotNull(result.InputError.Line);
    }
}
