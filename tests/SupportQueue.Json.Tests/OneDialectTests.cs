using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using SupportQueue.Core.Model;
using SupportQueue.Core.Simulation;

namespace SupportQueue.Json.Tests;

/// <summary>
/// One desk settings file works in all three places: <c>desk configure</c>, the <c>desk</c> of a
/// scenario, and a REST body read by ASP.NET Core with the options the silo configures.
/// </summary>
public class OneDialectTests
{
    private static string DeskFile => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "scenarios", "desk-default.json"));

    /// <summary>What <c>ConfigureHttpJsonOptions(o =&gt; SupportQueueJson.Configure(o.SerializerOptions))</c> leaves the silo with.</summary>
    private static JsonSerializerOptions Http()
    {
        // As ASP.NET Core hands them over: web defaults, a reflection resolver, and here also the
        // lenient enum converter the silo used to add, which ours must override.
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
        options.Converters.Add(new JsonStringEnumConverter());
        SupportQueueJson.Configure(options);
        return options;
    }

    private static string ScenarioWithDesk(string desk) => $$"""
        {
          "name": "desk inside",
          "horizon": "04:00:00",
          "desk": {{desk}},
          "roster": { "groups": [ { "name": "g", "tier": "L1", "count": 2 } ] },
          "ticketClasses": [ { "name": "q", "share": 1, "priority": "P3", "handling": { "*": { "kind": "exponential", "mean": 5 } } } ],
          "demand": { "baseVolume": 4, "intervalMinutes": 30 }
        }
        """;

    [Fact]
    public void The_shipped_desk_file_reads_the_same_in_the_cli_a_scenario_and_over_http()
    {
        var cli = DeskSettingsJson.Read(DeskFile);
        var scenario = ScenarioJson.Read(ScenarioWithDesk(DeskFile));
        var http = JsonSerializer.Deserialize<DeskSettings>(DeskFile, Http());

        Assert.True(cli.IsValid, string.Join(Environment.NewLine, cli.Errors));
        Assert.True(scenario.IsValid, string.Join(Environment.NewLine, scenario.Errors));
        Assert.NotNull(http);
        Assert.Empty(http.Validate());
        var expected = DeskSettingsJson.Write(cli.Value!);
        Assert.Equal(expected, DeskSettingsJson.Write(scenario.Value!.Desk));
        Assert.Equal(expected, DeskSettingsJson.Write(http));
        Assert.Equal(10_000, cli.Value!.MaxOpenTickets);
    }

    [Theory]
    [InlineData("\"maxOpenTicket\": 5", "maxOpenTicket")]
    [InlineData("\"maxOpenTickets\": 5, \"maxOpenTickets\": 6", "maxOpenTickets")]
    [InlineData("\"maxOpenTickets\": \"5\"", "maxOpenTickets")]
    [InlineData("\"MaxOpenTickets\": 5", "MaxOpenTickets")]
    [InlineData("\"selection\": 1", "selection")]
    public void The_same_mistake_is_refused_everywhere_naming_the_same_field(string field, string name)
    {
        var desk = $$"""{ "tiers": [ { "name": "L1" }, { "name": "L2" } ], {{field}} }""";

        var cli = DeskSettingsJson.Read(desk);
        var scenario = ScenarioJson.Read(ScenarioWithDesk(desk));
        var http = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<DeskSettings>(desk, Http()));

        Assert.Equal($"$.{name}", cli.InputError!.Path);
        Assert.Equal($"$.desk.{name}", scenario.InputError!.Path);
        Assert.Equal(cli.InputError.Reason, scenario.InputError.Reason);
        Assert.Equal(cli.InputError.Value, scenario.InputError.Value);
        Assert.Equal(cli.InputError with { Line = null, Column = null },
            SupportQueueJson.Explain(http, typeof(DeskSettings), Encoding.UTF8.GetBytes(desk)) with { Line = null, Column = null });
    }

    [Fact]
    public void The_same_meaningless_settings_get_the_same_validation_messages_everywhere()
    {
        var desk = """{ "tiers": [ { "name": "L1" } ], "escalation": [ { "kind": "WaitTimeout", "tier": "L1", "after": "00:10:00" } ] }""";

        var cli = DeskSettingsJson.Read(desk);
        var scenario = ScenarioJson.Read(ScenarioWithDesk(desk));
        var http = DeskSettingsJson.Validated(JsonSerializer.Deserialize<DeskSettings>(desk, Http())!);

        Assert.Equal(["$.escalation[0].tier: 'L1' — the last tier has nowhere to escalate to"], cli.Errors);
        Assert.Equal(cli.Errors, http.Errors);
        Assert.Equal(["$.desk.escalation[0].tier: 'L1' — the last tier has nowhere to escalate to"], scenario.Errors);
    }

    [Fact]
    public void Http_keeps_the_dialect_over_the_web_defaults()
    {
        var options = Http();

        Assert.Equal(Presence.Available, JsonSerializer.Deserialize<Presence>("\"available\"", options));
        Assert.Equal("\"Available\"", JsonSerializer.Serialize(Presence.Available, options));
        Assert.Equal("\"00:30:00\"", JsonSerializer.Serialize(TimeSpan.FromMinutes(30), options));
        Assert.False(options.PropertyNameCaseInsensitive);
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<Presence>("1", options));
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<int>("\"5\"", options));
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<DeskSettings>("""{ "tierCount": 3 }""", options));
    }

    [Fact]
    public void The_shipped_sample_scenarios_all_read()
    {
        var files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "scenarios"), "*.json")
            .Where(f => !f.EndsWith("desk-default.json", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(files);
        Assert.All(files, f => Assert.True(ScenarioJson.LoadFile(f).IsValid, f + ": " + string.Join("; ", ScenarioJson.LoadFile(f).Errors)));
    }

    [Fact]
    public void A_missing_scenario_file_is_an_error_line()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}.json");

        Assert.Equal([$"scenario file: '{path}' — file not found"], ScenarioJson.LoadFile(path).Errors);
        Assert.IsType<Scenario>(ScenarioJson.ParseScenario(File.ReadAllText(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "scenarios"), "mmc-sanity.json")[0])));
    }
}
