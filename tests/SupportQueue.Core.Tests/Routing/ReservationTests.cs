using SupportQueue.Core.Model;
using SupportQueue.Core.Routing;
using static SupportQueue.Core.Tests.Routing.TestDesk;

namespace SupportQueue.Core.Tests.Routing;

public class ReservationTests
{
    [Fact]
    public void An_offered_ticket_stays_in_its_queue_until_accepted()
    {
        var desk = Create();
        desk.AddAgent("a", T0);
        desk.Submit("t", Min(1));
        var offer = desk.NextOffer(Min(2));

        Assert.Equal(new Offer(offer.ReservationId, "t", "a", "L1", Min(2), Min(2) + DeskSettings.Default.ReservationTimeout, false), offer);
        Assert.Equal(DeskTicketState.Offered, desk.Where("t").State);
        Assert.Equal(1, desk.QueueLength(0));
        var status = desk.Status(Min(2));
        Assert.Equal((0, 1, 0), (status.Tier("L1").Queued, status.Tier("L1").Offered, status.Tier("L1").Assigned));
        Assert.Equal(1, status.Open);

        Assert.True(desk.AcceptOffer(offer.ReservationId, Min(2.1)));
        Assert.Equal((DeskTicketState.Assigned, "L1", "a"), desk.Where("t"));
        Assert.Equal(0, desk.QueueLength(0));
        status = desk.Status(Min(3));
        Assert.Equal((0, 0, 1), (status.Tier("L1").Queued, status.Tier("L1").Offered, status.Tier("L1").Assigned));
        desk.CheckInvariants();
    }

    [Fact]
    public void An_offer_can_be_accepted_only_once()
    {
        var desk = Create();
        desk.AddAgent("a", T0, capacity: 2);
        desk.Submit("t", Min(1));
        var offer = desk.NextOffer(Min(2));

        Assert.True(desk.AcceptOffer(offer.ReservationId, Min(2)));
        Assert.False(desk.AcceptOffer(offer.ReservationId, Min(2)));
        Assert.False(desk.DeclineOffer(offer.ReservationId, Min(2)));
        Assert.False(desk.WithdrawOffer(offer.ReservationId, Min(2)));
        Assert.Equal(1, desk.AgentLoad("a"));
        desk.CheckInvariants();
    }

    [Fact]
    public void A_declined_ticket_goes_back_to_its_place_and_is_offered_next()
    {
        var desk = Create();
        desk.AddAgent("a", T0);
        desk.Submit("first", Min(1));
        desk.Submit("second", Min(2));
        desk.Submit("third", Min(3));
        var offer = desk.NextOffer(Min(4));
        Assert.Equal("first", offer.TicketId);

        Assert.True(desk.DeclineOffer(offer.ReservationId, Min(10)));
        Assert.Equal(DeskTicketState.Queued, desk.Where("first").State);
        Assert.Equal(0, desk.AgentLoad("a"));

        // Not at the back: it keeps its age and arrival order.
        Assert.Equal("first", desk.NextOffer(Min(11)).TicketId);
        desk.CheckInvariants();
    }

    [Fact]
    public void Declining_keeps_the_agents_idle_standing()
    {
        var desk = Create();
        desk.AddAgent("a", T0);
        desk.AddAgent("b", Min(1));
        desk.Submit("t", Min(2));
        var offer = desk.NextOffer(Min(3));
        Assert.Equal("a", offer.AgentId);
        desk.DeclineOffer(offer.ReservationId, Min(4));

        // A decline is not a finished ticket: a is still the longest idle.
        Assert.Equal("a", desk.NextOffer(Min(5)).AgentId);
    }

    [Fact]
    public void Declining_does_not_undo_a_return_to_available_during_the_offer()
    {
        var desk = Create();
        desk.AddAgent("a", T0);
        desk.AddAgent("b", Min(1));
        desk.Submit("t1", Min(2));
        var offer = desk.NextOffer(Min(2));
        Assert.Equal("a", offer.AgentId);

        // While the offer is out, a takes a break and comes back at 4: a has been free since 4 now.
        desk.SetPresence("a", Presence.Break, Min(3));
        desk.SetPresence("a", Presence.Available, Min(4));
        desk.DeclineOffer(offer.ReservationId, Min(5));

        Assert.Equal("b", desk.NextOffer(Min(6)).AgentId);
    }

    [Fact]
    public void Declining_does_not_undo_work_finished_during_the_offer()
    {
        var desk = Create();
        desk.AddAgent("a", T0, capacity: 2);
        desk.AddAgent("b", Min(1), capacity: 2);
        desk.Submit("done", Min(2));
        desk.Submit("declined", Min(2));
        Assert.Equal("a", desk.Assign(Min(2)).AgentId);
        var offer = desk.NextOffer(Min(3));
        Assert.Equal(("declined", "a"), (offer.TicketId, offer.AgentId));

        desk.Resolve("done", "a", Min(4));
        desk.DeclineOffer(offer.ReservationId, Min(5));

        // a finished work at 4, b has been idle since 1.
        Assert.Equal("b", desk.NextOffer(Min(6)).AgentId);
    }

    [Fact]
    public void Declining_with_a_reported_presence_stops_offers_to_that_agent()
    {
        var desk = Create();
        desk.AddAgent("a", T0);
        desk.AddAgent("b", Min(1));
        desk.Submit("t", Min(2));
        var offer = desk.NextOffer(Min(3));

        desk.DeclineOffer(offer.ReservationId, Min(4), Presence.Break);

        var again = desk.NextOffer(Min(5));
        Assert.Equal(("t", "b"), (again.TicketId, again.AgentId));
        Assert.Equal(1, desk.Status(Min(5)).Tier("L1").OnBreak);
        desk.CheckInvariants();
    }

    [Fact]
    public void An_unanswered_offer_expires_at_the_reservation_timeout_and_the_ticket_waits_again()
    {
        var settings = DeskSettings.Default with { ReservationTimeout = TimeSpan.FromSeconds(30) };
        var desk = Create(settings, expireOffers: true);
        desk.AddAgent("a", T0);
        desk.Submit("t", T0);
        var offer = desk.NextOffer(Sec(10));
        Assert.Equal(Sec(40), offer.ExpiresAt);
        Assert.Equal(Sec(40), desk.NextDeadline);

        Assert.Empty(desk.AdvanceTo(Sec(39.999)));
        Assert.Equal(DeskTicketState.Offered, desk.Where("t").State);

        var actions = desk.AdvanceTo(Sec(45));
        var expired = Assert.Single(actions);
        Assert.Equal(new DeskAction(DeskActionKind.OfferExpired, "t", "L1", "L1", "a", "offer not answered in time", Sec(40)), expired);
        Assert.Equal(DeskTicketState.Queued, desk.Where("t").State);
        Assert.Equal(0, desk.AgentLoad("a"));

        // The late answer finds nothing to accept; the desk offers afresh.
        Assert.False(desk.AcceptOffer(offer.ReservationId, Sec(46)));
        var renewed = desk.NextOffer(Sec(47));
        Assert.NotEqual(offer.ReservationId, renewed.ReservationId);
        Assert.Equal("t", renewed.TicketId);
        desk.CheckInvariants();
    }

    [Fact]
    public void An_offer_answered_in_time_does_not_expire()
    {
        var desk = Create(expireOffers: true);
        desk.AddAgent("a", T0);
        desk.Submit("t", T0);
        var offer = desk.NextOffer(Sec(10));
        desk.AcceptOffer(offer.ReservationId, Sec(20));

        Assert.Empty(desk.AdvanceTo(Min(60)));
        Assert.Equal(DeskTicketState.Assigned, desk.Where("t").State);
        Assert.Null(desk.NextDeadline);
    }

    [Fact]
    public void With_expiry_off_an_offer_waits_for_its_answer_however_long()
    {
        var desk = Create(expireOffers: false);
        desk.AddAgent("a", T0);
        desk.Submit("t", T0);
        var offer = desk.NextOffer(Sec(1));

        Assert.Null(desk.NextDeadline);
        Assert.Empty(desk.AdvanceTo(Min(600)));
        Assert.True(desk.AcceptOffer(offer.ReservationId, Min(600)));
    }

    [Fact]
    public void Withdrawing_an_offer_closes_the_ticket_and_frees_the_agent()
    {
        var desk = Create();
        desk.AddAgent("a", T0);
        desk.Submit("t", Min(1));
        var offer = desk.NextOffer(Min(2));

        Assert.True(desk.WithdrawOffer(offer.ReservationId, Min(3)));

        Assert.False(desk.TryGetTicket("t", out _, out _, out _));
        Assert.Equal(0, desk.AgentLoad("a"));
        Assert.Equal(1, desk.Withdrawn);
        Assert.Equal(0, desk.OpenTickets);
        Assert.Equal(0, desk.QueueLength(0));
        Assert.False(desk.AcceptOffer(offer.ReservationId, Min(3)));
        desk.CheckInvariants();
    }

    [Fact]
    public void Abandoned_while_offered_the_accept_fails_and_the_agent_is_free_again()
    {
        var desk = Create();
        desk.AddAgent("a", T0);
        desk.Submit("gone", Min(1));
        desk.Submit("next", Min(2));
        var offer = desk.NextOffer(Min(3));
        Assert.Equal("gone", offer.TicketId);

        desk.Abandon("gone", Min(4));
        Assert.Equal(1, desk.Abandoned);
        Assert.False(desk.TryGetTicket("gone", out _, out _, out _));
        desk.CheckInvariants();

        Assert.False(desk.AcceptOffer(offer.ReservationId, Min(5)));
        Assert.Equal(0, desk.AgentLoad("a"));
        desk.CheckInvariants();
        var next = desk.NextOffer(Min(6));
        Assert.Equal(("next", "a"), (next.TicketId, next.AgentId));
    }

    [Fact]
    public void Abandoned_while_offered_the_expiry_still_frees_the_agent()
    {
        var desk = Create(expireOffers: true);
        desk.AddAgent("a", T0);
        desk.Submit("gone", T0);
        desk.NextOffer(Sec(1));
        desk.Abandon("gone", Sec(2));

        desk.AdvanceTo(Min(5));

        Assert.Equal(0, desk.AgentLoad("a"));
        Assert.False(desk.TryGetTicket("gone", out _, out _, out _));
        desk.CheckInvariants();
    }

    [Fact]
    public void A_released_ticket_waits_again_at_its_old_place()
    {
        var desk = Create(DeskSettings.Default with { AgingStep = null });
        desk.AddAgent("a", T0);
        desk.Submit("first", Min(1));
        desk.Submit("second", Min(2));
        desk.Assign(Min(3));

        desk.ReleaseAssigned("first", "a", Min(4));

        Assert.Equal((DeskTicketState.Queued, "L1", (string?)null), desk.Where("first"));
        Assert.Equal(0, desk.AgentLoad("a"));
        Assert.Equal("first", desk.NextOffer(Min(5)).TicketId);
        desk.CheckInvariants();
    }

    [Fact]
    public void Recording_an_assignment_takes_a_queued_ticket_out_of_the_queue()
    {
        var desk = Create();
        desk.AddAgent("a", T0);
        desk.Submit("t", Min(1));

        Assert.True(desk.RecordAssigned("t", "a", Min(2)));
        Assert.True(desk.RecordAssigned("t", "a", Min(2)));
        Assert.Equal((DeskTicketState.Assigned, "L1", "a"), desk.Where("t"));
        Assert.Equal(1, desk.AgentLoad("a"));
        Assert.False(desk.RecordAssigned("unknown", "a", Min(2)));
        desk.AssertNoOffer(Min(3));
        desk.CheckInvariants();
    }

    [Fact]
    public void Recording_an_assignment_cancels_a_pending_offer_to_someone_else()
    {
        var desk = Create();
        desk.AddAgent("a", T0);
        desk.AddAgent("b", T0);
        desk.Submit("t", Min(1));
        var offer = desk.NextOffer(Min(2));
        Assert.Equal("a", offer.AgentId);

        Assert.True(desk.RecordAssigned("t", "b", Min(3)));

        Assert.Equal(0, desk.AgentLoad("a"));
        Assert.Equal(1, desk.AgentLoad("b"));
        Assert.False(desk.AcceptOffer(offer.ReservationId, Min(3)));
        Assert.False(desk.RecordAssigned("t", "a", Min(3)));
        desk.CheckInvariants();
    }
}
