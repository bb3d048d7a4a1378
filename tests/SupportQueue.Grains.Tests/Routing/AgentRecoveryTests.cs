using Orleans.Core.Internal;
using SupportQueue.Core.Model;

namespace SupportQueue.Grains.Tests.Routing;

/// <summary>
/// An agent whose release was lost with its silo (the ticket stored its resolve, the agent never
/// stored letting go) gets the slot back when it is activated again; tickets it really holds stay.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class AgentRecoveryTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Client;

    [Fact]
    public async Task A_reactivated_agent_forgets_a_ticket_the_ticket_says_it_no_longer_holds()
    {
        var desk = await TestIds.NewDesk(_grains);
        var agentId = TestIds.New("a");
        var agent = _grains.Agent(agentId);
        await agent.Register(new AgentSpec(agentId, desk, "L1", [], 2));
        await agent.SetPresence(Presence.Available);
        var done = TestIds.New("t");
        var kept = TestIds.New("t");
        foreach (var id in new[] { done, kept })
        {
            await _grains.Ticket(id).Submit(new TicketSpec(id, desk, Priority.P3, []));
        }

        await _grains.Desk(desk).WhenIdle();
        Assert.Equal(2, (await agent.Get()).Assignments.Count);

        // What the agent does on resolve, cut short after the ticket's half: the ticket stores
        // Resolved, the agent's record still lists it.
        await _grains.Ticket(done).Resolve(agentId);
        Assert.Contains(done, (await agent.Get()).Assignments);

        await agent.AsReference<IGrainManagementExtension>().DeactivateOnIdle();
        var after = await agent.Get();

        Assert.Equal([kept], after.Assignments);
        Assert.Equal(TicketStatus.Assigned, (await _grains.Ticket(kept).Get()).Status);
        // The slot is usable again: a third ticket is assigned to this agent.
        var third = TestIds.New("t");
        await _grains.Ticket(third).Submit(new TicketSpec(third, desk, Priority.P3, []));
        await _grains.Desk(desk).WhenIdle();
        Assert.Equal(agentId, (await _grains.Ticket(third).Get()).AgentId);
        await _grains.Desk(desk).CheckInvariants();
    }
}
