using System.Text.Json;
using SupportQueue.Core.Model;
using SupportQueue.Core.Tests.Routing;

namespace SupportQueue.Core.Tests.Model;

public class AgentTests
{
    private static readonly DateTimeOffset _t0 = TestDesk.T0;

    private static Agent Create(int capacity = 2, Presence presence = Presence.Available)
    {
        var agent = Agent.Create(new AgentSpec("a", TestDesk.DeskId, "l2", [new SkillLevel("db", 4)], capacity), DeskSettings.Default, _t0);
        agent.SetPresence(presence, _t0);
        return agent;
    }

    private static string Snapshot(Agent a) => JsonSerializer.Serialize(a);

    [Fact]
    public void Created_agent_takes_the_desks_spelling_of_its_tier_and_starts_offline()
    {
        var agent = Agent.Create(new AgentSpec("a", TestDesk.DeskId, "l2", [new SkillLevel("db", 4)], 3), DeskSettings.Default, _t0);

        Assert.Equal(("a", TestDesk.DeskId, "L2", 3, Presence.Offline, _t0), (agent.Id, agent.DeskId, agent.Tier, agent.Capacity, agent.Presence, agent.PresenceSince));
        Assert.Equal(RefusalCode.AgentUnavailable, agent.CheckCanAccept());
    }

    [Fact]
    public void An_agent_accepts_up_to_its_capacity_and_refuses_beyond()
    {
        var agent = Create(capacity: 2);
        agent.Accept("t1");
        agent.Accept("t2");
        agent.Accept("t2");

        Assert.Equal(["t1", "t2"], agent.Assignments);
        Assert.Equal(RefusalCode.AgentAtCapacity, agent.CheckCanAccept());
        var before = Snapshot(agent);
        var ex = Assert.Throws<SupportQueueException>(() => agent.Accept("t3"));
        Assert.Equal(RefusalCode.AgentAtCapacity, ex.Code);
        Assert.Equal(before, Snapshot(agent));
    }

    [Theory]
    [InlineData(Presence.Break)]
    [InlineData(Presence.Offline)]
    public void An_agent_not_available_refuses_work(Presence presence)
    {
        var agent = Create(presence: presence);

        var ex = Assert.Throws<SupportQueueException>(() => agent.Accept("t1"));
        Assert.Equal(RefusalCode.AgentUnavailable, ex.Code);
        Assert.Empty(agent.Assignments);
    }

    [Fact]
    public void Finishing_counts_resolved_and_escalated_separately()
    {
        var agent = Create();
        agent.Accept("t1");
        agent.Accept("t2");
        agent.Finish("t1", escalated: false);
        agent.Finish("t2", escalated: true);

        Assert.Empty(agent.Assignments);
        Assert.Equal((1L, 1L), (agent.Resolved, agent.Escalated));
    }

    [Fact]
    public void Finishing_a_ticket_not_held_is_refused_and_changes_nothing()
    {
        var agent = Create();
        agent.Accept("t1");
        var before = Snapshot(agent);

        var ex = Assert.Throws<SupportQueueException>(() => agent.Finish("t9", escalated: false));
        Assert.Equal(RefusalCode.NotYourTicket, ex.Code);
        Assert.Equal(before, Snapshot(agent));
    }

    [Fact]
    public void Presence_changes_are_timestamped_only_when_they_change()
    {
        var agent = Create();
        agent.SetPresence(Presence.Available, TestDesk.Min(5));
        Assert.Equal(_t0, agent.PresenceSince);

        agent.SetPresence(Presence.Break, TestDesk.Min(6));
        Assert.Equal((Presence.Break, TestDesk.Min(6)), (agent.Presence, agent.PresenceSince));

        var ex = Assert.Throws<SupportQueueException>(() => agent.SetPresence((Presence)5, TestDesk.Min(7)));
        Assert.Equal(RefusalCode.InvalidArgument, ex.Code);
        Assert.Equal(Presence.Break, agent.Presence);
    }

    [Fact]
    public void Reconfiguring_keeps_the_work_and_refuses_another_desk()
    {
        var agent = Create();
        agent.Accept("t1");

        agent.Reconfigure(new AgentSpec("a", TestDesk.DeskId, "L3", [], 1), DeskSettings.Default);
        Assert.Equal(("L3", 1, 1), (agent.Tier, agent.Capacity, agent.Assignments.Count));
        Assert.Equal(RefusalCode.AgentAtCapacity, agent.CheckCanAccept());

        var before = Snapshot(agent);
        var ex = Assert.Throws<SupportQueueException>(() => agent.Reconfigure(new AgentSpec("a", "other-desk", "L1", [], 1), DeskSettings.Default));
        Assert.Equal("deskId: 'other-desk' — agent 'a' belongs to desk 'desk-1'", ex.Message);
        Assert.Equal(before, Snapshot(agent));
    }

    [Fact]
    public void An_agent_forgets_a_listed_ticket_only_when_the_ticket_says_someone_else_or_nobody_holds_it()
    {
        var agent = Create(capacity: 4);
        agent.Accept("mine");
        agent.Accept("resolved");
        agent.Accept("lost");
        agent.Accept("theirs");
        var mine = Ticket.Create(new TicketSpec("mine", TestDesk.DeskId, Priority.P3, []), null, _t0);
        mine.MarkQueued("L2", _t0);
        mine.TakeOffer("a", "L2", _t0, out _);
        var resolved = Ticket.Create(new TicketSpec("resolved", TestDesk.DeskId, Priority.P3, []), null, _t0);
        resolved.MarkQueued("L2", _t0);
        resolved.TakeOffer("a", "L2", _t0, out _);
        resolved.Resolve("a", _t0);
        var theirs = Ticket.Create(new TicketSpec("theirs", TestDesk.DeskId, Priority.P3, []), null, _t0);
        theirs.MarkQueued("L2", _t0);
        theirs.TakeOffer("b", "L2", _t0, out _);

        Assert.False(agent.ForgetUnlessHolder("mine", mine));
        Assert.True(agent.ForgetUnlessHolder("resolved", resolved));
        Assert.True(agent.ForgetUnlessHolder("lost", null));
        Assert.True(agent.ForgetUnlessHolder("theirs", theirs));
        Assert.False(agent.ForgetUnlessHolder("never-held", null));

        Assert.Equal(["mine"], agent.Assignments);
        Assert.Null(agent.CheckCanAccept());
    }
}
