using Orleans.Core.Internal;
using SupportQueue.Core.Cumulative;
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

    [Fact]
    public async Task A_reactivated_desk_keeps_todays_statistics()
    {
        var deskId = await TestIds.NewDesk(_grains, DeskSettings.Default);
        var desk = _grains.Desk(deskId);
        var agentId = TestIds.New("a");
        var agent = _grains.Agent(agentId);
        await agent.Register(new AgentSpec(agentId, deskId, "L1", [], 1));
        await agent.SetPresence(Presence.Available);
        foreach (var priority in new[] { Priority.P2, Priority.P3, Priority.P3 })
        {
            var id = TestIds.New("t");
            await _grains.Ticket(id).Submit(new TicketSpec(id, deskId, priority, []));
            fixture.Clock.Advance(TimeSpan.FromSeconds(7));
        }

        await desk.WhenIdle();
        await agent.Resolve((await agent.Get()).Assignments.Single());
        await desk.WhenIdle();
        var before = await desk.GetStatistics();
        Assert.Equal(3, before.Today.Total.Offered);
        Assert.Equal(2, before.Today.Total.Answered);

        // Deactivation stores the counts; the next call restores them instead of starting the day at zero.
        await desk.AsReference<IGrainManagementExtension>().DeactivateOnIdle();
        var after = await desk.GetStatistics();

        Assert.Equal(Figures(before.Today), Figures(after.Today));
        Assert.Equal(Figures(before.LastHour), Figures(after.LastHour));
        Assert.Equal(before.Today.Total.AverageSpeedOfAnswer, after.Today.Total.AverageSpeedOfAnswer);
    }

    private static List<(string?, Priority?, long, long, long, long)> Figures(StatisticsWindow window) =>
        [.. window.Tiers.Concat(window.Priorities).Append(window.Total)
            .Select(f => (f.Tier, f.Priority, f.Offered, f.Answered, f.AnsweredWithinTarget, f.Abandoned))];

    private static List<(Priority, long, long, long, long)> Sla(DeskStatus status) =>
        [.. status.Sla.Select(s => (s.Priority, s.FirstResponseMet, s.FirstResponseBreached, s.ResolutionMet, s.ResolutionBreached))];
}
