using Orleans.Core.Internal;
using SupportQueue.Core.Model;
using SupportQueue.Core.Routing;

namespace SupportQueue.Grains.Tests.Routing;

/// <summary>
/// Issue 11 defect 6: a desk that was deactivated (its silo killed, or just idle) comes back with
/// its queue and its totals at once, not empty and at zero until the tickets' reminders fire
/// (their first tick is a minute away here).
/// </summary>
[Collection(DurableClusterCollection.Name)]
public sealed class DeskReactivationTests(DurableClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Client;

    [Fact]
    public async Task A_reactivated_desk_has_its_waiting_tickets_in_order_and_its_totals_on_the_first_call()
    {
        var deskId = await TestIds.NewDesk(_grains, DeskSettings.Default with
        {
            Sla = [.. Enum.GetValues<Priority>().Select(p => new SlaTarget(p, TimeSpan.FromMinutes(1), TimeSpan.FromHours(1)))],
        });
        var desk = _grains.Desk(deskId);
        var agentId = TestIds.New("a");
        var agent = _grains.Agent(agentId);
        await agent.Register(new AgentSpec(agentId, deskId, "L1", [], 1));
        await agent.SetPresence(Presence.Available);
        var tickets = new List<string>();
        foreach (var priority in new[] { Priority.P3, Priority.P3, Priority.P1, Priority.P4, Priority.P2 })
        {
            var id = TestIds.New("t");
            tickets.Add(id);
            await _grains.Ticket(id).Submit(new TicketSpec(id, deskId, priority, []));
            fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        await desk.WhenIdle();
        var first = (await agent.Get()).Assignments.Single();
        await agent.Resolve(first);
        await desk.WhenIdle();
        var held = (await agent.Get()).Assignments.Single();
        var before = await desk.GetStatus();
        var waitingBefore = await desk.GetWaiting("L1", 0, 10);
        Assert.Equal(3, waitingBefore.Tickets.Length);
        Assert.Equal((5L, 1L, 4), (before.Submitted, before.Resolved, before.Open));
        Assert.Equal(2, before.Sla.Sum(s => s.FirstResponseMet));

        await desk.AsReference<IGrainManagementExtension>().DeactivateOnIdle();
        var after = await desk.GetStatus();
        var waitingAfter = await desk.GetWaiting("L1", 0, 10);

        Assert.Equal(waitingBefore.Tickets.Select(t => t.TicketId), waitingAfter.Tickets.Select(t => t.TicketId));
        Assert.Equal((before.Submitted, before.Resolved, before.Open), (after.Submitted, after.Resolved, after.Open));
        Assert.Equal(Sla(before), Sla(after));
        Assert.Equal(before.Tiers.Select(t => t.Queued), after.Tiers.Select(t => t.Queued));
        await desk.CheckInvariants();

        // The rebuilt desk routes as before: the held ticket's resolve frees the agent for the next in line.
        await agent.Resolve(held);
        await desk.WhenIdle();
        Assert.Equal([waitingBefore.Tickets[0].TicketId], (await agent.Get()).Assignments);
        Assert.Equal(2, (await desk.GetStatus()).Resolved);
    }

    private static List<(Priority, long, long, long, long)> Sla(DeskStatus status) =>
        [.. status.Sla.Select(s => (s.Priority, s.FirstResponseMet, s.FirstResponseBreached, s.ResolutionMet, s.ResolutionBreached))];
}
