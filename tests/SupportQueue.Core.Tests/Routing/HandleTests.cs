using SupportQueue.Core.Model;
using SupportQueue.Core.Routing;
using static SupportQueue.Core.Tests.Routing.TestDesk;

namespace SupportQueue.Core.Tests.Routing;

/// <summary>The handle API in-process hosts use (the simulator) runs the same desk logic as the id API.</summary>
public class HandleTests
{
    private static DeskSettings ThreeTiers() => Settings("L1", "L2", "L3") with
    {
        Escalation = [new EscalationRule(EscalationRuleKind.WaitTimeout, Tier: "L1", After: TimeSpan.FromMinutes(10))],
    };

    private static (DeskScheduler ById, DeskScheduler ByHandle, int[] Agents) TwoDesks()
    {
        var byId = Create(ThreeTiers(), expireOffers: false);
        var byHandle = Create(ThreeTiers(), expireOffers: false);
        var agents = new List<int>();
        foreach (var (id, tier) in new[] { ("a1", "L1"), ("a2", "L1"), ("b1", "L2"), ("c1", "L3") })
        {
            byId.AddAgent(id, T0, tier, skills: Skill("billing"));
            byHandle.AddAgent(id, T0, tier, skills: Skill("billing"));
            agents.Add(byHandle.AgentHandle(id));
        }

        return (byId, byHandle, [.. agents]);
    }

    [Fact]
    public void Operations_by_handle_give_the_same_desk_as_operations_by_id()
    {
        var (byId, byHandle, agents) = TwoDesks();
        var profile = TicketProfile.Create(Priority.P2, ["billing", "billing"]);
        Assert.Equal(["billing"], profile.Skills);

        var handles = new Dictionary<string, int>();
        var agentIds = new[] { "a1", "a2", "b1", "c1" };
        for (var i = 0; i < 6; i++)
        {
            var id = $"t{i}";
            var placement = byId.Submit(Ticket(id, Priority.P2, "billing"), Min(i));
            handles[id] = byHandle.Submit(null, profile, Min(i), out var tier);
            Assert.Equal(placement.Tier, byHandle.Settings.Tiers[tier].Name);
        }

        // Assign what can be assigned, then let the wait limit move the rest up.
        var assigned = new List<(string Ticket, string Agent)>();
        while (byId.TryAssignNext(Min(6), out var a))
        {
            Assert.True(byHandle.TryAssignNext(Min(6), out var b));
            Assert.Equal((a.Agent, a.Tier), (b.Agent, b.Tier));
            var ticket = handles.Single(h => h.Value == b.Ticket).Key;
            Assert.Equal(a.Ticket, b.Ticket);
            assigned.Add((ticket, agentIds[b.Agent]));
        }

        Assert.False(byHandle.TryAssignNext(Min(6), out _));
        var handleMoves = new List<int>();
        var idActions = byId.AdvanceTo(Min(20));
        var handleActions = byHandle.AdvanceTo(Min(20), handleMoves);
        Assert.Equal(idActions.Select(x => (x.Kind, x.FromTier, x.ToTier, x.At)), handleActions.Select(x => (x.Kind, x.FromTier, x.ToTier, x.At)));
        Assert.Equal(idActions.Select(x => handles[x.TicketId]), handleMoves);
        // The wait limits did fire, so the comparison above compared something.
        Assert.NotEmpty(idActions);

        var (first, firstAgent) = assigned[0];
        byId.Resolve(first, firstAgent, Min(21));
        byHandle.Resolve(handles[first], agents[Array.IndexOf(agentIds, firstAgent)], Min(21));
        var (second, secondAgent) = assigned[1];
        var escalated = byId.Escalate(second, secondAgent, "needs L2", Min(22));
        var escalatedTo = byHandle.Escalate(handles[second], agents[Array.IndexOf(agentIds, secondAgent)], "needs L2", Min(22));
        Assert.Equal(escalated.Tier, byHandle.Settings.Tiers[escalatedTo].Name);
        var waiting = handles.Keys.First(id => byId.TryGetTicket(id, out var state, out _, out _) && state == DeskTicketState.Queued);
        byId.Abandon(waiting, Min(23));
        byHandle.Abandon(handles[waiting], Min(23));
        byId.SetPresence("a2", Presence.Break, Min(24));
        byHandle.SetPresence(agents[1], Presence.Break, Min(24));

        byId.CheckInvariants();
        byHandle.CheckInvariants();
        var expected = byId.Status(Min(25));
        var actual = byHandle.Status(Min(25));
        Assert.Equal(expected with { Tiers = [], Sla = [] }, actual with { Tiers = [], Sla = [] });
        Assert.Equal(expected.Tiers.ToArray(), actual.Tiers.ToArray());
        Assert.Equal(expected.Sla.ToArray(), actual.Sla.ToArray());
        Assert.Equal(byId.NextDeadline, byHandle.NextDeadline);
    }

    [Fact]
    public void A_ticket_without_an_id_is_reachable_by_handle_only_and_its_handle_is_reused_once_it_closes()
    {
        var desk = Create(expireOffers: false);
        desk.AddAgent("a", T0);
        var profile = TicketProfile.Create(Priority.P3);
        var first = desk.Submit(null, profile, Min(1), out _);
        var named = desk.Submit("named", profile, Min(2), out _);
        Assert.NotEqual(first, named);
        Assert.Equal(2, desk.OpenTickets);
        Assert.Equal(DeskTicketState.Queued, desk.Where("named").State);
        desk.CheckInvariants();

        Assert.True(desk.TryAssignNext(Min(3), out var assignment));
        Assert.Equal(first, assignment.Ticket);
        desk.Resolve(first, desk.AgentHandle("a"), Min(4));
        Assert.Equal(1, desk.OpenTickets);
        var unknown = Assert.Throws<SupportQueueException>(() => desk.Resolve(first, desk.AgentHandle("a"), Min(4)));
        Assert.Equal(RefusalCode.UnknownTicket, unknown.Code);

        // The freed slot is the next handle given out.
        Assert.Equal(first, desk.Submit(null, profile, Min(5), out _));
        desk.Abandon("named", Min(6));
        Assert.Throws<SupportQueueException>(() => desk.Abandon(named, Min(6)));
        desk.CheckInvariants();
        Assert.Equal((3L, 1L, 1L, 1), (desk.Submitted, desk.Resolved, desk.Abandoned, desk.OpenTickets));
    }

    [Fact]
    public void A_profile_is_checked_like_a_ticket_spec()
    {
        var badPriority = Assert.Throws<SupportQueueException>(() => TicketProfile.Create((Priority)9));
        var specPriority = Assert.Throws<SupportQueueException>(() => Ticket("t", (Priority)9).Validate());
        Assert.Equal(specPriority.Message, badPriority.Message);

        var badSkill = Assert.Throws<SupportQueueException>(() => TicketProfile.Create(Priority.P3, ["billing", " "]));
        var specSkill = Assert.Throws<SupportQueueException>(() => Ticket("t", Priority.P3, "billing", " ").Validate());
        Assert.Equal(specSkill.Message, badSkill.Message);

        var desk = Create();
        var entry = Assert.Throws<SupportQueueException>(() => desk.Submit(null, TicketProfile.Create(Priority.P3, entryTier: "L9"), Min(1), out _));
        Assert.Equal(RefusalCode.InvalidArgument, entry.Code);
        Assert.Equal(0, desk.OpenTickets);
    }

    [Fact]
    public void A_ticket_record_reused_after_closing_is_not_confused_with_its_earlier_ticket()
    {
        // The abandoned ticket leaves a heap entry and a wait-limit deadline behind; the next
        // ticket may reuse its record, and neither leftover may act on the newcomer.
        var settings = Settings("L1", "L2") with
        {
            Escalation = [new EscalationRule(EscalationRuleKind.WaitTimeout, Tier: "L1", After: TimeSpan.FromMinutes(10))],
        };
        var desk = Create(settings, expireOffers: false);
        desk.AddAgent("a", T0, capacity: 2, presence: Presence.Offline);
        desk.Submit("early", Min(0));
        desk.Submit("middle", Min(2));
        desk.Abandon("early", Min(3));
        desk.Submit("late", Min(5));

        // The early ticket's place in the queue is not the newcomer's: the middle one goes first.
        desk.SetPresence("a", Presence.Available, Min(6));
        var first = desk.NextOffer(Min(6));
        var second = desk.NextOffer(Min(6));
        Assert.Equal(("middle", "late"), (first.TicketId, second.TicketId));
        desk.DeclineOffer(first.ReservationId, Min(6), Presence.Offline);
        desk.DeclineOffer(second.ReservationId, Min(6));

        var escalated = desk.AdvanceTo(Min(14));
        Assert.Equal(["middle"], escalated.Select(a => a.TicketId));
        Assert.Equal((DeskTicketState.Queued, "L1", (string?)null), desk.Where("late"));
        Assert.Equal(Min(15), desk.NextDeadline);
        desk.CheckInvariants();
    }

    [Fact]
    public void A_ticket_abandoned_while_offered_stays_closed_for_its_offer_when_another_ticket_comes()
    {
        var desk = Create();
        desk.AddAgent("a", T0);
        desk.Submit("first", Min(1));
        var offer = desk.NextOffer(Min(2));
        desk.Abandon("first", Min(3));
        desk.Submit("second", Min(4));

        Assert.False(desk.AcceptOffer(offer.ReservationId, Min(5)));
        Assert.Equal(0, desk.AgentLoad("a"));
        Assert.Equal(DeskTicketState.Queued, desk.Where("second").State);
        Assert.Equal("second", desk.NextOffer(Min(6)).TicketId);
        desk.CheckInvariants();
    }

    [Fact]
    public void A_restored_ticket_that_reuses_a_record_and_is_handed_back_waits_at_its_own_place()
    {
        var desk = Create(expireOffers: false);
        desk.AddAgent("a", T0, capacity: 2, presence: Presence.Offline);
        desk.Submit("early", Min(1));
        desk.Submit("middle", Min(2));
        desk.Abandon("early", Min(3));

        // Restored as held, then handed back: it queues by its own age, after the middle ticket.
        Assert.True(desk.Restore(Ticket("restored"), Min(4), "L1", Min(4), "a", responded: true, Min(5)));
        desk.ReleaseAssigned("restored", "a", Min(6));
        desk.SetPresence("a", Presence.Available, Min(7));
        Assert.Equal(["middle", "restored"], desk.OfferOrder(Min(7)));
        desk.CheckInvariants();
    }
}
