using SupportQueue.Core.Model;
using SupportQueue.Core.Routing;
using static SupportQueue.Core.Tests.Routing.TestDesk;

namespace SupportQueue.Core.Tests.Routing;

/// <summary>
/// An escalate whose first attempt reached the desk but whose ticket never stored it (its silo died
/// in between) comes again from the same agent: the desk gives the first answer and changes nothing,
/// as long as the ticket still waits untouched where that escalation put it.
/// </summary>
public class EscalationRetryTests
{
    private static readonly string[] _tickets = ["held", "other", "queued"];
    private static readonly string[] _agents = ["a", "b", "l2", "l3"];

    /// <summary>
    /// "a" holds "held" and "other" (capacity 2, so a slot released twice would show), "b" holds
    /// nothing, "queued" waits at L1 for a skill nobody has; the L2 and L3 agents are on a break,
    /// so an escalated ticket waits until the test lets someone take it.
    /// </summary>
    private static DeskScheduler Desk(DeskSettings? settings = null)
    {
        var desk = Create(settings);
        desk.AddAgent("a", T0, capacity: 2);
        desk.AddAgent("l2", T0, tier: "L2", presence: Presence.Break);
        desk.AddAgent("l3", T0, tier: "L3", presence: Presence.Break);
        desk.Submit("held", T0);
        desk.Submit("other", T0);
        Assert.Equal(("held", "a"), Pair(desk.Assign(Min(1))));
        Assert.Equal(("other", "a"), Pair(desk.Assign(Min(1))));
        desk.AddAgent("b", Min(1), presence: Presence.Break);
        desk.Submit("queued", Min(2), Priority.P3, "db");
        desk.CheckInvariants();
        return desk;
    }

    private static (string, string) Pair(Offer o) => (o.TicketId, o.AgentId);

    [Fact]
    public void A_repeated_escalate_by_the_same_agent_gets_the_first_placement_and_changes_nothing()
    {
        var desk = Desk();
        var first = desk.Escalate("held", "a", "needs a network engineer", Min(3));
        Assert.Equal(("held", "L2"), (first.TicketId, first.Tier));
        var before = desk.Snapshot(Min(5), _tickets, _agents);

        // The retry (its reason need not match: the answer is the one the desk gave first).
        var again = desk.Escalate("held", "a", "needs a network engineer (retry)", Min(5));

        Assert.Equal(first, again);
        Assert.Equal(before, desk.Snapshot(Min(5), _tickets, _agents));
        desk.CheckInvariants();

        // Spelled out: one escalation, queued once at L2, and "a" released one slot, not two.
        Assert.Equal(1, desk.Escalations);
        Assert.Equal((1, 1), (desk.QueueLength(0), desk.QueueLength(1)));
        Assert.Equal(1, desk.AgentLoad("a"));
        Assert.Equal((DeskTicketState.Queued, "L2", (string?)null), desk.Where("held"));

        // Any number of repeats is still the same answer.
        Assert.Equal(first, desk.Escalate("held", "a", "needs a network engineer", Min(6)));
        Assert.Equal(before, desk.Snapshot(Min(5), _tickets, _agents));
    }

    [Fact]
    public void An_escalate_of_the_same_ticket_by_another_agent_or_to_another_tier_is_still_refused()
    {
        var desk = Desk();
        desk.Escalate("held", "a", "why", Min(3));

        var other = desk.AssertRefusedUnchanged(RefusalCode.NotYourTicket, Min(4), _tickets, _agents, () => desk.Escalate("held", "b", "why", Min(4)));
        Assert.Equal("agentId: 'b' — ticket 'held' is queued", other.Message);

        // Not the request the desk answered: the first let the policy choose.
        desk.AssertRefusedUnchanged(RefusalCode.NotYourTicket, Min(4), _tickets, _agents, () => desk.Escalate("held", "a", "why", Min(4), toTier: "L3"));
        desk.AssertRefusedUnchanged(RefusalCode.NotYourTicket, Min(4), _tickets, _agents, () => desk.Escalate("held", "a", "why", Min(4), toTier: "L2"));

        // A retry still needs a reason, like any escalate.
        desk.AssertRefusedUnchanged(RefusalCode.InvalidArgument, Min(4), _tickets, _agents, () => desk.Escalate("held", "a", " ", Min(4)));
    }

    [Fact]
    public void A_repeated_escalate_to_a_named_tier_matches_that_tier_only()
    {
        var desk = Desk();
        var first = desk.Escalate("held", "a", "vendor bug", Min(3), toTier: "L3");
        Assert.Equal("L3", first.Tier);
        var before = desk.Snapshot(Min(4), _tickets, _agents);

        // Tier names are case-insensitive everywhere on the desk.
        Assert.Equal(first, desk.Escalate("held", "a", "vendor bug", Min(4), toTier: "l3"));
        Assert.Equal(before, desk.Snapshot(Min(4), _tickets, _agents));

        desk.AssertRefusedUnchanged(RefusalCode.NotYourTicket, Min(4), _tickets, _agents, () => desk.Escalate("held", "a", "vendor bug", Min(4)));
        desk.AssertRefusedUnchanged(RefusalCode.NotYourTicket, Min(4), _tickets, _agents, () => desk.Escalate("held", "a", "vendor bug", Min(4), toTier: "L7"));
    }

    [Fact]
    public void A_stale_retry_is_refused_once_the_ticket_was_offered_even_if_the_offer_was_declined()
    {
        var desk = Desk();
        desk.Escalate("held", "a", "why", Min(3));
        desk.SetPresence("l2", Presence.Available, Min(4));
        var offer = desk.NextOffer(Min(4));
        Assert.Equal(("held", "l2"), Pair(offer));

        desk.AssertRefusedUnchanged(RefusalCode.NotYourTicket, Min(4), _tickets, _agents, () => desk.Escalate("held", "a", "why", Min(4)));

        // Back in the queue at the same place, but the desk has moved on: no longer a retry.
        Assert.True(desk.DeclineOffer(offer.ReservationId, Min(5), Presence.Break));
        Assert.Equal((DeskTicketState.Queued, "L2", (string?)null), desk.Where("held"));
        desk.AssertRefusedUnchanged(RefusalCode.NotYourTicket, Min(5), _tickets, _agents, () => desk.Escalate("held", "a", "why", Min(5)));
        Assert.Equal(1, desk.AgentLoad("a"));
    }

    [Fact]
    public void A_stale_retry_is_refused_once_the_ticket_is_assigned_again()
    {
        var desk = Desk();
        desk.Escalate("held", "a", "why", Min(3));
        desk.SetPresence("l2", Presence.Available, Min(4));
        Assert.Equal(("held", "l2"), Pair(desk.Assign(Min(4))));

        var ex = desk.AssertRefusedUnchanged(RefusalCode.NotYourTicket, Min(5), _tickets, _agents, () => desk.Escalate("held", "a", "why", Min(5)));
        Assert.Equal("agentId: 'a' — ticket 'held' is held by 'l2'", ex.Message);
        Assert.Equal((1, 1), (desk.AgentLoad("a"), desk.AgentLoad("l2")));
    }

    [Fact]
    public void A_stale_retry_is_refused_once_the_agent_side_reports_someone_else_holds_the_ticket()
    {
        var desk = Desk();
        desk.Escalate("held", "a", "why", Min(3));
        Assert.True(desk.RecordAssigned("held", "l2", Min(4)));

        desk.AssertRefusedUnchanged(RefusalCode.NotYourTicket, Min(5), _tickets, _agents, () => desk.Escalate("held", "a", "why", Min(5)));
    }

    [Fact]
    public void A_stale_retry_is_refused_once_the_desk_escalated_the_ticket_further_for_waiting()
    {
        var desk = Desk(DeskSettings.Default with { Escalation = [new EscalationRule(EscalationRuleKind.WaitTimeout, Tier: "L2", After: TimeSpan.FromMinutes(10))] });
        desk.Escalate("held", "a", "why", Min(3));

        var action = Assert.Single(desk.AdvanceTo(Min(13)));
        Assert.Equal(("held", "L2", "L3"), (action.TicketId, action.FromTier, action.ToTier));

        desk.AssertRefusedUnchanged(RefusalCode.NotYourTicket, Min(14), _tickets, _agents, () => desk.Escalate("held", "a", "why", Min(14)));
    }

    [Fact]
    public void A_retry_of_an_escalate_that_was_refused_is_refused_again()
    {
        var desk = Desk();
        desk.Escalate("held", "a", "why", Min(3));
        desk.SetPresence("l2", Presence.Available, Min(4));
        desk.Assign(Min(4));
        desk.Escalate("held", "l2", "why", Min(5));
        desk.SetPresence("l3", Presence.Available, Min(6));
        desk.Assign(Min(6));

        // At the top tier nothing is recorded, so a second try is refused the same way.
        for (var i = 0; i < 2; i++)
        {
            desk.AssertRefusedUnchanged(RefusalCode.NoHigherTier, Min(7), _tickets, _agents, () => desk.Escalate("held", "l3", "why", Min(7)));
        }
    }

    [Fact]
    public void A_retry_after_the_ticket_left_the_desk_is_refused_and_its_id_coming_back_starts_afresh()
    {
        var desk = Desk();
        desk.Escalate("held", "a", "why", Min(3));
        desk.Abandon("held", Min(4));

        desk.AssertRefusedUnchanged(RefusalCode.UnknownTicket, Min(5), _tickets, _agents, () => desk.Escalate("held", "a", "why", Min(5)));

        // The same id submitted again is a new ticket (the desk reuses its record): nothing to repeat.
        desk.Submit(Ticket("held") with { EntryTier = "L2" }, Min(6));
        desk.AssertRefusedUnchanged(RefusalCode.NotYourTicket, Min(7), _tickets, _agents, () => desk.Escalate("held", "a", "why", Min(7)));
    }

    [Fact]
    public void The_first_offer_after_an_agent_escalation_carries_it_and_later_offers_do_not()
    {
        var desk = Desk();
        var placement = desk.Escalate("held", "a", "needs L2", Min(3));
        desk.SetPresence("l2", Presence.Available, Min(4));

        var offer = desk.NextOffer(Min(4));
        Assert.Equal(("held", "l2"), Pair(offer));
        Assert.Equal(new UnconfirmedEscalation("a", placement.Tier, Min(3), "needs L2"), offer.Escalated);

        // Declined: the ticket was offered since, so what the escalation may claim has ended.
        Assert.True(desk.DeclineOffer(offer.ReservationId, Min(5), Presence.Available));
        var next = desk.NextOffer(Min(5));
        Assert.Equal("held", next.TicketId);
        Assert.Null(next.Escalated);
        desk.CheckInvariants();
    }
}
