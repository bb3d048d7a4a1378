using Microsoft.Extensions.Configuration;
using SupportQueue.Client.Api;
using SupportQueue.Client.Cli;
using SupportQueue.Client.Connection;
using SupportQueue.Core.Model;

namespace SupportQueue.Grains.Tests.Cli;

public class CliEndToEndTests(CliTestCluster cluster) : IClassFixture<CliTestCluster>
{
    private static string ScenarioPath => Path.Combine(AppContext.BaseDirectory, "scenarios", "desk-default.json");

    private static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    /// <summary>Runs one command line against the test cluster, as the CLI would against a real one.</summary>
    private async Task<RecordingConsoles> Cli(int expectedExit, params string[] args)
    {
        var output = new RecordingConsoles();
        var exit = await SupportQueueCli.RunAsync(args, output.Consoles, new FixedConnector(cluster.Client));
        Assert.True(expectedExit == exit, $"exit {exit} for `{string.Join(' ', args)}`{Environment.NewLine}{output.Out}{output.Error}");
        return output;
    }

    private Task<RecordingConsoles> Ok(params string[] args) => Cli(ExitCodes.Ok, args);

    private async Task SetUpDesk(string desk, string alice, string bob, string carol)
    {
        Assert.Contains("tiers L1 → L2 → L3", (await Ok("desk", "configure", desk, ScenarioPath)).Out, StringComparison.Ordinal);
        await Ok("agent", "add", alice, "--desk", desk, "--tier", "L1", "--skill", "billing:4", "--skill", "network:2", "--capacity", "2");
        await Ok("agent", "add", bob, "--desk", desk, "--tier", "L2", "--skill", "billing:5");
        await Ok("agent", "add", carol, "--desk", desk, "--tier", "L3", "--skill", "billing:5");
        foreach (var agent in new[] { alice, bob, carol })
        {
            Assert.Contains("is available", (await Ok("agent", "presence", agent, "available")).Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Ticket_travels_L1_to_L3_through_the_commands()
    {
        var (desk, alice, bob, carol, ticket) = (NewId("desk"), NewId("alice"), NewId("bob"), NewId("carol"), NewId("T"));
        await SetUpDesk(desk, alice, bob, carol);

        var submitted = await Ok("ticket", "submit", "--desk", desk, "--id", ticket, "--priority", "P2", "--skill", "billing", "--subject", "Charged twice");
        Assert.Contains($"Ticket {ticket} submitted to desk {desk} (P2), queued at L1; now assigned to {alice} at L1.", submitted.Out, StringComparison.Ordinal);

        var toL2 = await Ok("agent", "escalate", alice, ticket, "--reason", "refund needs approval");
        Assert.Contains($"escalated to L2 (refund needs approval); now assigned to {bob} at L2.", toL2.Out, StringComparison.Ordinal);

        var toL3 = await Ok("agent", "escalate", bob, ticket, "--reason", "billing bug", "--to", "L3");
        Assert.Contains($"escalated to L3 (billing bug); now assigned to {carol} at L3.", toL3.Out, StringComparison.Ordinal);

        var resolved = await Ok("agent", "resolve", carol, ticket);
        Assert.Contains($"Ticket {ticket} resolved by {carol} at L3; SLA resolution met", resolved.Out, StringComparison.Ordinal);

        var shown = (await Ok("ticket", "show", ticket)).Out;
        Assert.Contains("Resolved", shown, StringComparison.Ordinal);
        Assert.Contains("L1 → L2: refund needs approval", shown, StringComparison.Ordinal);
        Assert.Contains("L2 → L3: billing bug", shown, StringComparison.Ordinal);
        Assert.Contains("met (target 01:00:00)", shown, StringComparison.Ordinal);

        var status = (await Ok("desk", "status", desk)).Out;
        Assert.Contains("Totals: submitted 1, resolved 1, abandoned 0, escalations 2, open 0", status, StringComparison.Ordinal);

        var view = await new SupportQueueApi(cluster.Client).GetTicket(ticket);
        Assert.Equal(
            [
                TicketEventKind.Created, TicketEventKind.Queued, TicketEventKind.Assigned,
                TicketEventKind.Escalated, TicketEventKind.Queued, TicketEventKind.Assigned,
                TicketEventKind.Escalated, TicketEventKind.Queued, TicketEventKind.Assigned,
                TicketEventKind.Resolved,
            ],
            view.Ticket.History.Select(e => e.Kind));
        Assert.Equal([alice, bob, carol], view.Ticket.History.Where(e => e.Kind == TicketEventKind.Assigned).Select(e => e.AgentId));
        Assert.Equal(true, view.Sla.FirstResponseMet);
        Assert.Equal(true, view.Sla.ResolutionMet);
    }

    [Fact]
    public async Task Desk_status_counts_queues_agents_and_sla()
    {
        var (desk, alice, bob, carol) = (NewId("desk"), NewId("alice"), NewId("bob"), NewId("carol"));
        await SetUpDesk(desk, alice, bob, carol);
        var api = new SupportQueueApi(cluster.Client);
        await Ok("agent", "presence", bob, "break");

        // P1 enters at L2 by the desk's severity bypass; bob is on a break, so it waits there.
        var p1 = await api.SubmitTicket(new TicketSpec(NewId("T"), desk, Priority.P1, []));
        Assert.Equal(TicketStatus.Queued, p1.Ticket.Status);
        Assert.Equal("L2", p1.Ticket.Tier);

        var status = await api.GetDeskStatus(desk);
        var l1 = status.Tiers.Single(t => t.Tier == "L1");
        var l2 = status.Tiers.Single(t => t.Tier == "L2");
        Assert.Equal((0, 1, 2), (l1.Queued, l1.Available, l1.FreeCapacity));
        Assert.Equal((1, 0, 1), (l2.Queued, l2.Available, l2.OnBreak));
        Assert.Equal(1, status.Open);

        var table = (await Ok("desk", "status", desk)).Out;
        Assert.Matches(@"│ L2\s+│\s+1 │\s+0 │\s+\d\d:\d\d:\d\d │\s+0 │\s+1 │\s+0 │\s+0 │\s+0 │", table);
        Assert.Contains("Totals: submitted 1, resolved 0, abandoned 0, escalations 0, open 1", table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Abandon_and_reopen_through_the_commands()
    {
        var (desk, alice, bob, carol) = (NewId("desk"), NewId("alice"), NewId("bob"), NewId("carol"));
        await SetUpDesk(desk, alice, bob, carol);
        await Ok("agent", "presence", alice, "offline");

        var waiting = (await Ok("ticket", "submit", "--desk", desk, "--priority", "P3")).Out;
        var ticket = System.Text.RegularExpressions.Regex.Match(waiting, @"Ticket (T-\w+) submitted").Groups[1].Value;
        Assert.Contains("now waiting in the L1 queue", waiting, StringComparison.Ordinal);

        Assert.Contains("abandoned", (await Ok("ticket", "abandon", ticket, "--reason", "found the FAQ")).Out, StringComparison.Ordinal);
        var again = await Cli(ExitCodes.BadInput, "ticket", "abandon", ticket);
        Assert.Contains($"error: ticket '{ticket}': cannot abandon a ticket that is Abandoned", again.Error, StringComparison.Ordinal);

        await Ok("agent", "presence", alice, "available");
        var other = NewId("T");
        await Ok("ticket", "submit", "--desk", desk, "--id", other, "--priority", "P2");
        await Ok("agent", "resolve", alice, other);
        var reopened = (await Ok("ticket", "reopen", other, "--reason", "still broken")).Out;
        Assert.Contains($"Ticket {other} reopened on desk {desk} (P2), queued at L1; now assigned to {alice} at L1.", reopened, StringComparison.Ordinal);
        Assert.Contains("Reopened", (await Ok("ticket", "show", other)).Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refusals_from_the_grains_are_red_errors_with_exit_code_2()
    {
        var (desk, alice, bob, carol, ticket) = (NewId("desk"), NewId("alice"), NewId("bob"), NewId("carol"), NewId("T"));
        await SetUpDesk(desk, alice, bob, carol);
        await Ok("ticket", "submit", "--desk", desk, "--id", ticket, "--priority", "P2");

        Assert.Contains($"error: ticketId: '{ticket}' — not held by agent '{bob}'", (await Cli(ExitCodes.BadInput, "agent", "resolve", bob, ticket)).Error, StringComparison.Ordinal);
        Assert.Contains("error: tier: 'L9' — no such tier; the desk has L1, L2, L3", (await Cli(ExitCodes.BadInput, "agent", "add", NewId("dave"), "--desk", desk, "--tier", "L9")).Error, StringComparison.Ordinal);
        Assert.Contains("— no such desk (configure it first)", (await Cli(ExitCodes.BadInput, "ticket", "submit", "--desk", NewId("nodesk"), "--priority", "P2")).Error, StringComparison.Ordinal);
        Assert.Contains("— no such ticket", (await Cli(ExitCodes.BadInput, "ticket", "show", NewId("T"))).Error, StringComparison.Ordinal);
        // The same submission again is a retry and gets the stored ticket; another one under the id is a duplicate.
        await Ok("ticket", "submit", "--desk", desk, "--id", ticket, "--priority", "P2");
        Assert.Contains($"error: ticketId: '{ticket}' — already submitted", (await Cli(ExitCodes.BadInput, "ticket", "submit", "--desk", desk, "--id", ticket, "--priority", "P1")).Error, StringComparison.Ordinal);
        Assert.Contains($"error: ticketId: '{ticket}' — not held by agent '{carol}'", (await Cli(ExitCodes.BadInput, "agent", "escalate", carol, ticket, "--reason", "x")).Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Configure_applies_the_loaded_settings()
    {
        var desk = NewId("desk");
        await Ok("desk", "configure", desk, ScenarioPath);

        var applied = await new SupportQueueApi(cluster.Client).GetDeskSettings(desk);

        Assert.Equal(DeskSettingsJson.Write(DeskSettingsJson.LoadFile(ScenarioPath).Value!), DeskSettingsJson.Write(applied));
    }

    [Fact]
    public async Task Embedded_silo_serves_a_command_on_its_own_ports()
    {
        var output = new RecordingConsoles();

        var exit = await SupportQueueCli.RunAsync(
            ["desk", "configure", "scratch", ScenarioPath, "--embedded"],
            output.Consoles,
            new ClusterConnector(new ConfigurationBuilder().Build()));

        Assert.True(exit == ExitCodes.Ok, output.Error);
        Assert.Contains("Desk scratch configured", output.Out, StringComparison.Ordinal);
    }
}
