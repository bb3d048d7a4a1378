using SupportQueue.Core.Model;

namespace SupportQueue.Grains.Tests.Routing;

/// <summary>
/// Tickets that wait in a long queue leave memory once stored (<see cref="SupportQueueGrainOptions.ParkQueuedFrom"/>;
/// the test silos park every queued ticket): each is read back from storage when offered, and still
/// held once, by one agent, with its history whole.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ParkedTicketTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Client;

    [Fact]
    public async Task The_desk_reports_how_long_the_queue_is_that_a_ticket_joined()
    {
        var desk = _grains.Desk(await TestIds.NewDesk(_grains));
        var deskId = desk.GetPrimaryKeyString();
        var first = new TicketSpec(TestIds.New("ticket"), deskId, Priority.P3, []);
        var second = new TicketSpec(TestIds.New("ticket"), deskId, Priority.P1, []);

        var placed = new[] { await desk.Submit(first, ClusterFixture.Start), await desk.Submit(second, ClusterFixture.Start) };

        Assert.Equal([("L1", 1), ("L1", 2)], placed.Select(p => (p.Tier, p.QueueLength)));
        await desk.Withdraw(first.TicketId);
        await desk.Withdraw(second.TicketId);
        Assert.Equal(0, (await desk.GetStatus()).Open);
    }

    [Fact]
    public async Task A_backlog_that_waited_in_storage_is_assigned_once_each_when_an_agent_signs_in_and_resolved()
    {
        var deskId = await TestIds.NewDesk(_grains);
        var desk = _grains.Desk(deskId);
        var ids = Enumerable.Range(0, 6).Select(_ => TestIds.New("ticket")).ToArray();
        foreach (var id in ids)
        {
            var submitted = await _grains.GetGrain<ITicketGrain>(id).Submit(new TicketSpec(id, deskId, Priority.P3, []));
            Assert.Equal(TicketStatus.Queued, submitted.Status);
        }

        Assert.Equal(6, (await desk.GetStatus()).Open);

        var agentId = TestIds.New("agent");
        var agent = _grains.GetGrain<IAgentGrain>(agentId);
        await agent.Register(new AgentSpec(agentId, deskId, "L1", [], ids.Length));
        await agent.SetPresence(Presence.Available);
        await desk.WhenIdle();

        foreach (var id in ids)
        {
            var ticket = await _grains.GetGrain<ITicketGrain>(id).Get();
            Assert.Equal((TicketStatus.Assigned, agentId), (ticket.Status, ticket.AgentId));
            Assert.Equal(
                [TicketEventKind.Created, TicketEventKind.Queued, TicketEventKind.Assigned],
                ticket.History.Select(e => e.Kind).ToArray());
        }

        Assert.Equal(ids.Order(), (await agent.Get()).Assignments.Order());
        await desk.CheckInvariants();

        foreach (var id in ids)
        {
            await agent.Resolve(id);
        }

        var status = await desk.GetStatus();
        Assert.Equal((6L, 6L, 0), (status.Submitted, status.Resolved, status.Open));
        Assert.All(ids, id => Assert.Single(fixture.Assignments.For(id)));
    }
}
