using SupportQueue.Core.Model;

namespace SupportQueue.Grains.Tests.Routing;

[Collection(ClusterCollection.Name)]
public sealed class BadInputTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Client;

    [Fact]
    public async Task Submitting_to_an_unknown_desk_is_refused_and_leaves_no_ticket()
    {
        var id = TestIds.New("t");
        var ex = await Assert.ThrowsAsync<SupportQueueException>(() =>
            _grains.GetGrain<ITicketGrain>(id).Submit(new TicketSpec(id, "no-such-desk", Priority.P2, [])));
        Assert.Equal(RefusalCode.UnknownDesk, ex.Code);
        Assert.Contains("no-such-desk", ex.Message);

        var missing = await Assert.ThrowsAsync<SupportQueueException>(() => _grains.GetGrain<ITicketGrain>(id).Get());
        Assert.Equal(RefusalCode.UnknownTicket, missing.Code);
    }

    [Fact]
    public async Task Unknown_agent_and_unknown_ticket_are_named()
    {
        var agent = TestIds.New("ghost");
        var ex = await Assert.ThrowsAsync<SupportQueueException>(() => _grains.GetGrain<IAgentGrain>(agent).Get());
        Assert.Equal(RefusalCode.UnknownAgent, ex.Code);
        Assert.Contains(agent, ex.Message);

        var resolve = await Assert.ThrowsAsync<SupportQueueException>(() => _grains.GetGrain<IAgentGrain>(agent).Resolve("t-1"));
        Assert.Equal(RefusalCode.UnknownAgent, resolve.Code);
    }

    [Fact]
    public async Task Resolving_a_ticket_that_is_not_yours_is_refused_and_changes_nothing()
    {
        var desk = await TestIds.NewDesk(_grains);
        var holder = TestIds.New("a");
        var other = TestIds.New("b");
        await _grains.GetGrain<IAgentGrain>(holder).Register(new AgentSpec(holder, desk, "L1", []));
        await _grains.GetGrain<IAgentGrain>(holder).SetPresence(Presence.Available);
        var ticketId = TestIds.New("t");
        await _grains.GetGrain<ITicketGrain>(ticketId).Submit(new TicketSpec(ticketId, desk, Priority.P3, []));
        await _grains.GetGrain<IDeskSchedulerGrain>(desk).WhenIdle();
        await _grains.GetGrain<IAgentGrain>(other).Register(new AgentSpec(other, desk, "L1", []));
        var before = await _grains.GetGrain<ITicketGrain>(ticketId).Get();

        var viaAgent = await Assert.ThrowsAsync<SupportQueueException>(() => _grains.GetGrain<IAgentGrain>(other).Resolve(ticketId));
        var viaTicket = await Assert.ThrowsAsync<SupportQueueException>(() => _grains.GetGrain<ITicketGrain>(ticketId).Resolve(other));

        Assert.Equal(RefusalCode.NotYourTicket, viaAgent.Code);
        Assert.Equal(RefusalCode.NotYourTicket, viaTicket.Code);
        var after = await _grains.GetGrain<ITicketGrain>(ticketId).Get();
        Assert.Equal((TicketStatus.Assigned, holder, before.History.Count), (after.Status, after.AgentId, after.History.Count));
        await _grains.GetGrain<IDeskSchedulerGrain>(desk).CheckInvariants();
    }

    [Fact]
    public async Task Invalid_settings_are_refused_with_the_field_and_the_desk_keeps_its_old_settings()
    {
        var desk = TestIds.New("desk");
        var grain = _grains.GetGrain<IDeskSchedulerGrain>(desk);
        await grain.Configure(DeskSettings.Default);

        var bad = DeskSettings.Default with
        {
            Escalation = [new EscalationRule(EscalationRuleKind.WaitTimeout, Tier: "L7", After: TimeSpan.FromMinutes(-5))],
        };
        var ex = await Assert.ThrowsAsync<SupportQueueException>(() => grain.Configure(bad));

        Assert.Equal(RefusalCode.InvalidSettings, ex.Code);
        Assert.Contains("$.escalation[0].tier: 'L7'", ex.Message);
        Assert.Contains("$.escalation[0].after: -00:05:00", ex.Message);
        Assert.Empty((await grain.GetSettings()).Escalation);
    }

    [Fact]
    public async Task A_used_id_submitted_to_another_desk_is_refused_without_telling_that_desks_ticket()
    {
        var desk = await TestIds.NewDesk(_grains);
        var other = await TestIds.NewDesk(_grains);
        var ticketId = TestIds.New("t");
        var ticket = _grains.GetGrain<ITicketGrain>(ticketId);
        await ticket.Submit(new TicketSpec(ticketId, desk, Priority.P3, [], Subject: "private"));

        var dup = await Assert.ThrowsAsync<SupportQueueException>(() => ticket.Submit(new TicketSpec(ticketId, other, Priority.P3, [], Subject: "private")));

        Assert.Equal(RefusalCode.DuplicateTicket, dup.Code);
        Assert.Equal($"ticketId: '{ticketId}' — already used; choose another id", dup.Message);
        Assert.Equal(desk, (await ticket.Get()).DeskId);
    }

    [Fact]
    public async Task A_duplicate_submit_and_a_bad_agent_tier_are_refused()
    {
        var desk = await TestIds.NewDesk(_grains);
        var ticketId = TestIds.New("t");
        var ticket = _grains.GetGrain<ITicketGrain>(ticketId);
        await ticket.Submit(new TicketSpec(ticketId, desk, Priority.P3, []));
        var dup = await Assert.ThrowsAsync<SupportQueueException>(() => ticket.Submit(new TicketSpec(ticketId, desk, Priority.P1, [])));
        Assert.Equal(RefusalCode.DuplicateTicket, dup.Code);
        Assert.Equal(Priority.P3, (await ticket.Get()).Priority);

        var agentId = TestIds.New("a");
        var badTier = await Assert.ThrowsAsync<SupportQueueException>(() =>
            _grains.GetGrain<IAgentGrain>(agentId).Register(new AgentSpec(agentId, desk, "L9", [])));
        Assert.Equal(RefusalCode.InvalidArgument, badTier.Code);
        Assert.Contains("tier: 'L9'", badTier.Message);
        var status = await _grains.GetGrain<IDeskSchedulerGrain>(desk).GetStatus();
        Assert.All(status.Tiers, t => Assert.Equal(0, t.Available + t.OnBreak + t.Offline));
    }
}
