using System.Collections.Immutable;
using SupportQueue.Core.Model;
using SupportQueue.Core.Routing;

namespace SupportQueue.Grains.Tests.Routing;

[Collection(ClusterCollection.Name)]
public sealed class LiveRoutingTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Client;

    private Task<string> NewDesk(DeskSettings? settings = null) => TestIds.NewDesk(_grains, settings);

    private async Task<string> NewAgent(string desk, string tier, int capacity = 1, Presence presence = Presence.Available, params SkillLevel[] skills)
    {
        var id = TestIds.New($"agent-{tier}");
        var agent = _grains.GetGrain<IAgentGrain>(id);
        await agent.Register(new AgentSpec(id, desk, tier, [.. skills], capacity));
        if (presence != Presence.Offline)
        {
            await agent.SetPresence(presence);
        }

        return id;
    }

    private async Task<Ticket> Submit(string desk, Priority priority = Priority.P3, string? id = null, ImmutableArray<string> skills = default)
    {
        id ??= TestIds.New("ticket");
        return await _grains.GetGrain<ITicketGrain>(id).Submit(new TicketSpec(id, desk, priority, skills.IsDefault ? [] : skills));
    }

    private Task Idle(string desk) => _grains.GetGrain<IDeskSchedulerGrain>(desk).WhenIdle();

    private Task<Ticket> Get(string ticketId) => _grains.GetGrain<ITicketGrain>(ticketId).Get();

    [Fact]
    public async Task A_ticket_climbs_L1_L2_L3_and_is_resolved_with_its_full_history()
    {
        var desk = await NewDesk();
        var l1 = await NewAgent(desk, "L1");
        var l2 = await NewAgent(desk, "L2");
        var l3 = await NewAgent(desk, "L3");

        var ticket = await Submit(desk, Priority.P2);
        await Idle(desk);
        Assert.Equal(l1, (await Get(ticket.Id)).AgentId);

        var toL2 = await _grains.GetGrain<IAgentGrain>(l1).Escalate(ticket.Id, "needs a network engineer");
        Assert.Equal("L2", toL2.Tier);
        await Idle(desk);
        Assert.Equal(l2, (await Get(ticket.Id)).AgentId);

        await _grains.GetGrain<IAgentGrain>(l2).Escalate(ticket.Id, "vendor bug");
        await Idle(desk);
        Assert.Equal(l3, (await Get(ticket.Id)).AgentId);

        await _grains.GetGrain<IAgentGrain>(l3).Resolve(ticket.Id);
        var done = await Get(ticket.Id);

        Assert.Equal(TicketStatus.Resolved, done.Status);
        Assert.Equal(
            [
                (TicketEventKind.Created, (string?)null, (string?)null),
                (TicketEventKind.Queued, "L1", null),
                (TicketEventKind.Assigned, "L1", l1),
                (TicketEventKind.Escalated, "L1", l1),
                (TicketEventKind.Queued, "L2", null),
                (TicketEventKind.Assigned, "L2", l2),
                (TicketEventKind.Escalated, "L2", l2),
                (TicketEventKind.Queued, "L3", null),
                (TicketEventKind.Assigned, "L3", l3),
                (TicketEventKind.Resolved, "L3", l3),
            ],
            done.History.Select(e => (e.Kind, e.Tier, e.AgentId)).ToArray());
        Assert.All(done.History.Zip(done.History.Skip(1)), pair => Assert.True(pair.First.At <= pair.Second.At));
        Assert.Empty((await _grains.GetGrain<IAgentGrain>(l3).Get()).Assignments);
        var status = await _grains.GetGrain<IDeskSchedulerGrain>(desk).GetStatus();
        Assert.Equal((1, 1, 0, 2, 0), (status.Submitted, status.Resolved, status.Abandoned, status.Escalations, status.Open));

        // The silo's assignment observers heard of each assignment once, in order.
        Assert.Equal([(ticket.Id, l1), (ticket.Id, l2), (ticket.Id, l3)], fixture.Assignments.For(ticket.Id));
    }

    [Fact]
    public async Task A_wait_timeout_escalates_when_virtual_time_passes_the_deadline_and_not_before()
    {
        var settings = DeskSettings.Default with
        {
            Escalation = [new EscalationRule(EscalationRuleKind.WaitTimeout, Tier: "L1", After: TimeSpan.FromMinutes(30))],
        };
        var desk = await NewDesk(settings);
        var ticket = await Submit(desk);

        fixture.Clock.Advance(TimeSpan.FromMinutes(29));
        await Idle(desk);
        Assert.Equal("L1", (await Get(ticket.Id)).Tier);

        fixture.Clock.Advance(TimeSpan.FromMinutes(2));
        await Idle(desk);
        var escalated = await Get(ticket.Id);

        Assert.Equal("L2", escalated.Tier);
        Assert.Equal(TicketStatus.Queued, escalated.Status);
        var escalation = Assert.Single(escalated.History, e => e.Kind == TicketEventKind.Escalated);
        Assert.Equal(ticket.CreatedAt + TimeSpan.FromMinutes(30), escalation.At);
        Assert.Contains("waited more than", escalation.Reason);
    }

    [Fact]
    public async Task An_agent_at_capacity_gets_no_more_work_until_it_frees_a_slot()
    {
        var desk = await NewDesk();
        var agentId = await NewAgent(desk, "L1", capacity: 2);
        var tickets = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            tickets.Add((await Submit(desk)).Id);
        }

        await Idle(desk);
        var agent = await _grains.GetGrain<IAgentGrain>(agentId).Get();
        Assert.Equal(2, agent.Assignments.Count);
        var status = await _grains.GetGrain<IDeskSchedulerGrain>(desk).GetStatus();
        Assert.Equal(3, status.Tiers[0].Queued);

        await _grains.GetGrain<IAgentGrain>(agentId).Resolve(agent.Assignments[0]);
        await Idle(desk);
        agent = await _grains.GetGrain<IAgentGrain>(agentId).Get();
        Assert.Equal(2, agent.Assignments.Count);
        Assert.Equal(2, (await _grains.GetGrain<IDeskSchedulerGrain>(desk).GetStatus()).Tiers[0].Queued);
        await _grains.GetGrain<IDeskSchedulerGrain>(desk).CheckInvariants();
    }

    [Fact]
    public async Task An_escalate_retried_after_its_reply_was_lost_frees_the_agents_slot()
    {
        var desk = await NewDesk();
        var l1 = await NewAgent(desk, "L1");
        var ticket = await Submit(desk, Priority.P2);
        await Idle(desk);
        Assert.Equal(l1, (await Get(ticket.Id)).AgentId);

        // The first attempt reached the ticket (and the desk) but the agent never heard back, so it
        // still lists the ticket: the state a lost reply or a silo dying mid-call leaves behind.
        var first = await _grains.GetGrain<ITicketGrain>(ticket.Id).Escalate(l1, "needs a network engineer", null);
        Assert.Contains(ticket.Id, (await _grains.GetGrain<IAgentGrain>(l1).Get()).Assignments);

        var retry = await _grains.GetGrain<IAgentGrain>(l1).Escalate(ticket.Id, "needs a network engineer");

        Assert.Equal((first.TicketId, first.Tier), (retry.TicketId, retry.Tier));
        Assert.Empty((await _grains.GetGrain<IAgentGrain>(l1).Get()).Assignments);
        var after = await Get(ticket.Id);
        Assert.Equal((TicketStatus.Queued, "L2"), (after.Status, after.Tier));
        Assert.Single(after.History, e => e.Kind == TicketEventKind.Escalated);

        // Someone who never held it is still refused (the ticket is waiting, held by nobody).
        var stranger = await NewAgent(desk, "L1");
        var refused = await Assert.ThrowsAsync<SupportQueueException>(() => _grains.GetGrain<ITicketGrain>(ticket.Id).Escalate(stranger, "no", null));
        Assert.Equal(RefusalCode.InvalidTransition, refused.Code);
        await _grains.GetGrain<IDeskSchedulerGrain>(desk).CheckInvariants();
    }

    [Fact]
    public async Task An_escalate_the_desk_applied_but_the_ticket_never_stored_completes_when_the_agent_retries()
    {
        var desk = await NewDesk();
        var deskGrain = _grains.GetGrain<IDeskSchedulerGrain>(desk);
        var l1 = await NewAgent(desk, "L1");
        var ticket = await Submit(desk, Priority.P2);
        await Idle(desk);
        Assert.Equal(l1, (await Get(ticket.Id)).AgentId);

        // The ticket's first attempt: its call to the desk went through, then its silo died before
        // it stored the escalation, so the ticket still names l1 as the holder.
        var first = await deskGrain.Escalate(ticket.Id, l1, "needs a network engineer", null);
        Assert.Equal("L2", first.Tier);
        Assert.Equal((TicketStatus.Assigned, l1), ((await Get(ticket.Id)).Status, (await Get(ticket.Id)).AgentId));
        var before = Flatten(await deskGrain.GetStatus());

        // The desk answers the same call again as it did the first time, and nothing moves.
        var again = await deskGrain.Escalate(ticket.Id, l1, "needs a network engineer", null);
        Assert.Equal(first, again);
        Assert.Equal(before, Flatten(await deskGrain.GetStatus()));
        await deskGrain.CheckInvariants();

        // So the agent's retry, which goes through the ticket, now completes instead of being refused.
        var retry = await _grains.GetGrain<IAgentGrain>(l1).Escalate(ticket.Id, "needs a network engineer");
        Assert.Equal(first.Tier, retry.Tier);
        var after = await Get(ticket.Id);
        Assert.Equal((TicketStatus.Queued, "L2", (string?)null), (after.Status, after.Tier, after.AgentId));
        Assert.Single(after.History, e => e.Kind == TicketEventKind.Escalated);
        Assert.Empty((await _grains.GetGrain<IAgentGrain>(l1).Get()).Assignments);

        // One escalation, the ticket queued once at L2, l1's one slot free once.
        var status = await deskGrain.GetStatus();
        Assert.Equal(before, Flatten(status));
        Assert.Equal((1, 1, 0, 1), (status.Escalations, status.Tiers[1].Queued, status.Tiers[0].Queued, status.Tiers[0].FreeCapacity));

        // Another agent is refused, and so is l1 once the ticket is someone else's.
        var stranger = await NewAgent(desk, "L1");
        var refused = await Assert.ThrowsAsync<SupportQueueException>(() => deskGrain.Escalate(ticket.Id, stranger, "no", null));
        Assert.Equal(RefusalCode.NotYourTicket, refused.Code);
        var l2 = await NewAgent(desk, "L2");
        await Idle(desk);
        Assert.Equal(l2, (await Get(ticket.Id)).AgentId);
        var stale = await Assert.ThrowsAsync<SupportQueueException>(() => deskGrain.Escalate(ticket.Id, l1, "needs a network engineer", null));
        Assert.Equal(RefusalCode.NotYourTicket, stale.Code);
        await deskGrain.CheckInvariants();
    }

    [Fact]
    public async Task An_escalate_the_ticket_never_stored_is_applied_by_the_ticket_when_a_free_agent_is_offered_it_at_once()
    {
        var desk = await NewDesk();
        var deskGrain = _grains.GetGrain<IDeskSchedulerGrain>(desk);
        var l1 = await NewAgent(desk, "L1");
        var ticket = await Submit(desk, Priority.P2);
        await Idle(desk);
        var l2 = await NewAgent(desk, "L2");

        // As above, the ticket's record never got the escalation; this time an L2 agent is free, so
        // the desk offers the ticket straight away, to a ticket that still names l1 as its holder.
        var first = await deskGrain.Escalate(ticket.Id, l1, "needs a network engineer", null);
        await Idle(desk);

        // Before, the ticket answered "gone" and the desk withdrew it: lost, l1's slot with it.
        var held = await Get(ticket.Id);
        Assert.Equal((TicketStatus.Assigned, l2, "L2"), (held.Status, held.AgentId, held.Tier));
        var escalated = Assert.Single(held.History, e => e.Kind == TicketEventKind.Escalated);
        Assert.Equal(l1, escalated.AgentId);
        Assert.Equal([ticket.Id], (await _grains.GetGrain<IAgentGrain>(l2).Get()).Assignments);
        var status = await deskGrain.GetStatus();
        Assert.Equal((0L, 1), (status.Withdrawn, status.Open));

        // l1's retry is answered from the ticket's record, and frees l1's slot.
        var retry = await _grains.GetGrain<IAgentGrain>(l1).Escalate(ticket.Id, "needs a network engineer");
        Assert.Equal(first.Tier, retry.Tier);
        Assert.Empty((await _grains.GetGrain<IAgentGrain>(l1).Get()).Assignments);
        Assert.Single((await Get(ticket.Id)).History, e => e.Kind == TicketEventKind.Escalated);
        await deskGrain.CheckInvariants();
    }

    /// <summary>The whole status as text: records holding ImmutableArray compare by reference.</summary>
    private static string Flatten(DeskStatus status) =>
        string.Join("\n", [(status with { Tiers = [], Sla = [] }).ToString(), .. status.Tiers.Select(t => t.ToString()), .. status.Sla.Select(s => s.ToString())]);

    [Fact]
    public async Task Concurrent_submits_and_completions_never_lose_or_double_assign_a_ticket()
    {
        const int ticketCount = 300;
        var desk = await NewDesk();
        var agents = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            agents.Add(await NewAgent(desk, "L1", capacity: 3));
        }

        var ids = Enumerable.Range(0, ticketCount).Select(i => TestIds.New($"t{i}")).ToArray();
        var submitting = Task.WhenAll(ids.Select(id => Submit(desk, (Priority)(1 + (id.Length % 4)), id)));

        // Agents work concurrently with the submissions until every ticket is resolved.
        var resolved = 0;
        var rounds = 0;
        while (resolved < ticketCount)
        {
            Assert.True(++rounds < 10_000, "tickets stopped flowing");
            var held = await Task.WhenAll(agents.Select(a => _grains.GetGrain<IAgentGrain>(a).Get()));
            var work = held.SelectMany(a => a.Assignments.Select(t => (Agent: a.Id, Ticket: t))).ToArray();
            Assert.All(held, a => Assert.True(a.Assignments.Count <= a.Capacity));
            await Task.WhenAll(work.Select(w => _grains.GetGrain<IAgentGrain>(w.Agent).Resolve(w.Ticket)));
            resolved += work.Length;
            if (work.Length == 0)
            {
                if (submitting.IsCompleted)
                {
                    await Idle(desk);
                }
                else
                {
                    await Task.WhenAny(submitting, Idle(desk));
                }
            }
        }

        await submitting;
        var tickets = await Task.WhenAll(ids.Select(Get));
        Assert.All(tickets, t =>
        {
            Assert.Equal(TicketStatus.Resolved, t.Status);
            Assert.Single(t.History, e => e.Kind == TicketEventKind.Assigned);
        });
        var status = await _grains.GetGrain<IDeskSchedulerGrain>(desk).GetStatus();
        Assert.Equal((ticketCount, ticketCount, 0), (status.Submitted, status.Resolved, status.Open));
        var totals = await Task.WhenAll(agents.Select(a => _grains.GetGrain<IAgentGrain>(a).Get()));
        Assert.Equal(ticketCount, totals.Sum(a => a.Resolved));
        await _grains.GetGrain<IDeskSchedulerGrain>(desk).CheckInvariants();
    }

    [Fact]
    public async Task An_agent_on_a_break_gets_nothing_and_picks_up_work_when_back()
    {
        var desk = await NewDesk();
        var agentId = await NewAgent(desk, "L1", presence: Presence.Break);
        var ticket = await Submit(desk);
        await Idle(desk);
        Assert.Equal(TicketStatus.Queued, (await Get(ticket.Id)).Status);

        await _grains.GetGrain<IAgentGrain>(agentId).SetPresence(Presence.Available);
        await Idle(desk);
        Assert.Equal(agentId, (await Get(ticket.Id)).AgentId);
    }

    [Fact]
    public async Task A_reopened_ticket_is_queued_and_routed_again()
    {
        var desk = await NewDesk();
        var agentId = await NewAgent(desk, "L1");
        var ticket = await Submit(desk);
        await Idle(desk);
        await _grains.GetGrain<IAgentGrain>(agentId).Resolve(ticket.Id);

        var reopened = await _grains.GetGrain<ITicketGrain>(ticket.Id).Reopen("customer says it is back");
        Assert.Equal(TicketStatus.Queued, reopened.Status);
        await Idle(desk);
        var again = await Get(ticket.Id);
        Assert.Equal(TicketStatus.Assigned, again.Status);
        Assert.Equal(1, again.Reopens);
        Assert.Equal(2, again.History.Count(e => e.Kind == TicketEventKind.Assigned));
    }
}
