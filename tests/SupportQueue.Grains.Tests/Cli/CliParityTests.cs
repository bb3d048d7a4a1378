using System.Text.Json;
using SupportQueue.Client.Cli;
using SupportQueue.Client.Connection;

namespace SupportQueue.Grains.Tests.Cli;

/// <summary>The read commands an operator and a script need: lists, --json, --watch, and text from the cluster shown safely.</summary>
public class CliParityTests(CliTestCluster cluster) : IClassFixture<CliTestCluster>
{
    private static string ScenarioPath => Path.Combine(AppContext.BaseDirectory, "scenarios", "desk-default.json");

    private static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    private async Task<RecordingConsoles> Ok(params string[] args)
    {
        var output = new RecordingConsoles();
        var exit = await SupportQueueCli.RunAsync(args, output.Consoles, new FixedConnector(cluster.Client));
        Assert.True(exit == ExitCodes.Ok, $"exit {exit} for `{string.Join(' ', args)}`{Environment.NewLine}{output.Out}{output.Error}");
        return output;
    }

    private async Task<(string Desk, string Agent)> NewDesk()
    {
        var (desk, agent) = (NewId("desk"), NewId("agent"));
        await Ok("desk", "configure", desk, ScenarioPath);
        await Ok("agent", "add", agent, "--desk", desk, "--tier", "L2", "--skill", "billing:4", "--capacity", "3");
        return (desk, agent);
    }

    [Fact]
    public async Task Desk_list_names_every_configured_desk_as_a_table_and_as_json()
    {
        var (desk, _) = await NewDesk();

        Assert.Contains(desk, (await Ok("desk", "list")).Out, StringComparison.Ordinal);
        var json = JsonDocument.Parse((await Ok("desk", "list", "--json")).Out).RootElement;
        Assert.Contains(desk, json.EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Agent_list_shows_the_desks_agents_with_tier_presence_and_load()
    {
        var (desk, agent) = await NewDesk();

        var table = (await Ok("agent", "list", "--desk", desk)).Out;
        Assert.Contains(agent, table, StringComparison.Ordinal);
        Assert.Contains("0/3", table, StringComparison.Ordinal);
        var json = JsonDocument.Parse((await Ok("agent", "list", "--desk", desk, "--json")).Out).RootElement;
        var only = Assert.Single(json.EnumerateArray());
        Assert.Equal(agent, only.GetProperty("agentId").GetString());
        Assert.Equal("L2", only.GetProperty("tier").GetString());
        Assert.Equal("Offline", only.GetProperty("presence").GetString());
    }

    [Fact]
    public async Task Desk_stats_shows_today_and_the_last_hour_as_tables_and_as_json()
    {
        var (desk, _) = await NewDesk();
        await Ok("ticket", "submit", "--desk", desk, "--id", NewId("T"), "--priority", "P3");
        await Ok("ticket", "submit", "--desk", desk, "--id", NewId("T"), "--priority", "P1");

        var table = (await Ok("desk", "stats", desk)).Out;
        Assert.Contains("Today (since midnight UTC)", table, StringComparison.Ordinal);
        Assert.Contains("Last hour", table, StringComparison.Ordinal);
        Assert.Contains("service-level target 80 %", table, StringComparison.Ordinal);

        var json = JsonDocument.Parse((await Ok("desk", "stats", desk, "--json")).Out).RootElement;
        foreach (var window in new[] { "today", "lastHour" })
        {
            Assert.Equal(2, json.GetProperty(window).GetProperty("total").GetProperty("offered").GetInt64());
        }

        // The P1 ticket entered at L2 (severity bypass), the P3 at L1; nobody answered yet.
        var tiers = json.GetProperty("today").GetProperty("tiers").EnumerateArray().ToDictionary(t => t.GetProperty("tier").GetString()!, t => t.GetProperty("offered").GetInt64());
        Assert.Equal(1, tiers["L1"]);
        Assert.Equal(1, tiers["L2"]);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("today").GetProperty("total").GetProperty("serviceLevel").ValueKind);

        var unknown = new RecordingConsoles();
        Assert.Equal(ExitCodes.BadInput, await SupportQueueCli.RunAsync(["desk", "stats", NewId("nodesk")], unknown.Consoles, new FixedConnector(cluster.Client)));
    }

    [Fact]
    public async Task Desk_status_watch_with_json_writes_one_line_per_refresh()
    {
        var (desk, _) = await NewDesk();

        var lines = (await Ok("desk", "status", desk, "--watch", "--interval", "0.01", "--count", "3", "--json")).Out
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(3, lines.Length);
        Assert.All(lines, line => Assert.Equal(desk, JsonDocument.Parse(line).RootElement.GetProperty("deskId").GetString()));
    }

    [Fact]
    public async Task A_subject_holding_an_escape_sequence_is_shown_escaped_never_raw()
    {
        var (desk, agent) = await NewDesk();
        var ticket = NewId("T");
        const string subject = "\u001b[31mred\u0007";
        await Ok("ticket", "submit", "--desk", desk, "--id", ticket, "--priority", "P3", "--subject", subject);

        var shown = (await Ok("ticket", "show", ticket)).Out;
        Assert.DoesNotContain('\u001b', shown);
        Assert.DoesNotContain('\u0007', shown);
        Assert.Contains("\\u001B[31mred\\u0007", shown, StringComparison.Ordinal);

        var json = (await Ok("ticket", "show", ticket, "--json")).Out;
        Assert.DoesNotContain('\u001b', json);
        Assert.Equal(subject, JsonDocument.Parse(json).RootElement.GetProperty("ticket").GetProperty("subject").GetString());

        var agentJson = JsonDocument.Parse((await Ok("agent", "show", agent, "--json")).Out).RootElement;
        Assert.Equal(desk, agentJson.GetProperty("deskId").GetString());
    }
}
