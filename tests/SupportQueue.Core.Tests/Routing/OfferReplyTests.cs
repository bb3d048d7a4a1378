using SupportQueue.Core.Model;
using SupportQueue.Core.Routing;
using static SupportQueue.Core.Tests.Routing.TestDesk;

namespace SupportQueue.Core.Tests.Routing;

/// <summary>The offer-reply protocol (<see cref="DeskScheduler.AnswerOffer"/>) and what the desk remembers of settled offers.</summary>
public class OfferReplyTests
{
    /// <summary>An agent resolved an offered ticket before its acceptance reached the desk: the offer was settled by the agent.</summary>
    private static (DeskScheduler Desk, Offer Offer) SettledByAgent()
    {
        var desk = Create();
        desk.AddAgent("a", T0);
        desk.Submit("t", Min(1));
        var offer = desk.NextOffer(Min(2));
        desk.Resolve("t", "a", Min(3));
        return (desk, offer);
    }

    [Fact]
    public void A_failed_delivery_of_an_offer_the_agent_settled_leaves_no_id_behind()
    {
        var (desk, offer) = SettledByAgent();

        Assert.False(desk.DeclineOffer(offer.ReservationId, Min(4)));

        // Had the id stayed, this stale acceptance would be taken as the settled offer's.
        Assert.False(desk.AcceptOffer(offer.ReservationId, Min(5)));
        Assert.Equal(0, desk.SettledByAgentOffers);
        desk.CheckInvariants();
    }

    [Fact]
    public void A_gone_answer_to_an_offer_the_agent_settled_leaves_no_id_behind()
    {
        var (desk, offer) = SettledByAgent();

        Assert.False(desk.WithdrawOffer(offer.ReservationId, Min(4)));

        Assert.False(desk.AcceptOffer(offer.ReservationId, Min(5)));
        Assert.Equal(0, desk.SettledByAgentOffers);
        Assert.Equal((1, 0), (desk.Resolved, desk.Withdrawn));
        desk.CheckInvariants();
    }

    [Fact]
    public void The_acceptance_of_an_offer_the_agent_settled_is_taken_once()
    {
        var (desk, offer) = SettledByAgent();

        Assert.True(desk.AnswerOffer(offer, OfferOutcome.Accepted, Presence.Available, 1, Min(4)));
        Assert.Equal(0, desk.SettledByAgentOffers);
        Assert.False(desk.AcceptOffer(offer.ReservationId, Min(5)));
    }

    [Fact]
    public void Accepted_assigns_the_ticket()
    {
        var desk = Create();
        desk.AddAgent("a", T0);
        desk.Submit("t", Min(1));
        var offer = desk.NextOffer(Min(2));

        Assert.True(desk.AnswerOffer(offer, OfferOutcome.Accepted, Presence.Available, 1, Min(3)));
        Assert.Equal((DeskTicketState.Assigned, "L1", "a"), desk.Where("t"));
        desk.CheckInvariants();
    }

    [Fact]
    public void Accepted_after_the_offer_expired_records_the_agent_as_holder()
    {
        var desk = Create();
        desk.AddAgent("a", T0);
        desk.Submit("t", Min(1));
        var offer = desk.NextOffer(Min(2));
        desk.AdvanceTo(offer.ExpiresAt);
        Assert.Equal(DeskTicketState.Queued, desk.Where("t").State);

        Assert.True(desk.AnswerOffer(offer, OfferOutcome.Accepted, Presence.Available, 1, offer.ExpiresAt.AddSeconds(1)));
        Assert.Equal((DeskTicketState.Assigned, "L1", "a"), desk.Where("t"));
        Assert.Equal(1, desk.AgentLoad("a"));
        desk.CheckInvariants();
    }

    [Fact]
    public void Ticket_gone_withdraws_the_ticket()
    {
        var desk = Create();
        desk.AddAgent("a", T0);
        desk.Submit("t", Min(1));
        var offer = desk.NextOffer(Min(2));

        Assert.False(desk.AnswerOffer(offer, OfferOutcome.TicketGone, Presence.Available, 0, Min(3)));
        Assert.False(desk.TryGetTicket("t", out _, out _, out _));
        Assert.Equal((1, 0), (desk.Withdrawn, desk.AgentLoad("a")));
        desk.CheckInvariants();
    }

    [Fact]
    public void Declined_by_a_full_agent_puts_the_ticket_back_and_stops_offering_to_it()
    {
        var desk = Create();
        desk.AddAgent("a", T0);
        desk.Submit("t", Min(1));
        var offer = desk.NextOffer(Min(2));

        Assert.False(desk.AnswerOffer(offer, OfferOutcome.Declined, Presence.Available, 1, Min(3)));
        Assert.Equal(DeskTicketState.Queued, desk.Where("t").State);
        desk.AssertNoOffer(Min(4));
        desk.CheckInvariants();
    }

    [Fact]
    public void Declined_with_a_presence_corrects_the_desks_view_of_the_agent()
    {
        var desk = Create();
        desk.AddAgent("a", T0);
        desk.Submit("t", Min(1));
        var offer = desk.NextOffer(Min(2));

        desk.AnswerOffer(offer, OfferOutcome.Declined, Presence.Offline, 0, Min(3));
        Assert.Equal(1, desk.Status(Min(3)).Tier("L1").Offline);
        desk.AssertNoOffer(Min(4));
    }

    [Fact]
    public void An_unanswered_offer_goes_back_and_the_agent_is_asked_again()
    {
        var desk = Create();
        desk.AddAgent("a", T0);
        desk.Submit("t", Min(1));
        var offer = desk.NextOffer(Min(2));

        desk.OfferUnanswered(offer, Min(3));
        Assert.Equal(DeskTicketState.Queued, desk.Where("t").State);
        Assert.Equal("a", desk.NextOffer(Min(4)).AgentId);
        desk.CheckInvariants();
    }
}
