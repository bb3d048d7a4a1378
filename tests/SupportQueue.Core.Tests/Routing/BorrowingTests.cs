using SupportQueue.Core.Model;
using SupportQueue.Core.Routing;
using static SupportQueue.Core.Tests.Routing.TestDesk;

namespace SupportQueue.Core.Tests.Routing;

public class BorrowingTests
{
    private static readonly TimeSpan _minWait = TimeSpan.FromMinutes(5);

    private static DeskScheduler Desk(bool enabled = true) =>
        Create(DeskSettings.Default with { Borrowing = new BorrowingSettings(enabled, _minWait) });

    [Fact]
    public void A_higher_tier_takes_a_lower_tier_ticket_once_it_has_waited_the_minimum()
    {
        var desk = Desk();
        desk.AddAgent("l2", T0, tier: "L2");
        desk.Submit("t", Min(1));

        desk.AssertNoOffer(Min(1) + _minWait - TimeSpan.FromTicks(1));

        var offer = desk.NextOffer(Min(1) + _minWait);
        Assert.Equal(("t", "l2", "L1", true), (offer.TicketId, offer.AgentId, offer.Tier, offer.Borrowed));

        // Borrowed work is still the lower tier's ticket.
        desk.AcceptOffer(offer.ReservationId, Min(7));
        Assert.Equal((DeskTicketState.Assigned, "L1", "l2"), desk.Where("t"));
        var status = desk.Status(Min(7));
        Assert.Equal((0, 1), (status.Tier("L1").Assigned, status.Tier("L2").Assigned));
        desk.CheckInvariants();
    }

    [Fact]
    public void No_borrowing_when_disabled()
    {
        var desk = Desk(enabled: false);
        desk.AddAgent("l2", T0, tier: "L2");
        desk.Submit("t", Min(1));

        desk.AssertNoOffer(Min(600));
    }

    [Fact]
    public void No_borrowing_while_the_higher_tier_has_its_own_ticket_waiting()
    {
        var desk = Desk();
        desk.AddAgent("l2", T0, tier: "L2");

        // The L2 ticket needs a skill the L2 agent lacks, so it waits; it still blocks borrowing.
        desk.Submit(Ticket("own", Priority.P3, "kernel") with { EntryTier = "L2" }, T0);
        desk.Submit("lower", T0);

        desk.AssertNoOffer(Min(60));
    }

    [Fact]
    public void A_higher_tier_serves_its_own_queue_before_borrowing()
    {
        var desk = Desk();
        desk.AddAgent("l2", T0, tier: "L2", capacity: 2);
        desk.Submit("lower", T0, Priority.P1);
        desk.Submit(Ticket("own", Priority.P4) with { EntryTier = "L2" }, Min(9));

        var first = desk.NextOffer(Min(10));
        Assert.Equal(("own", false), (first.TicketId, first.Borrowed));
        var second = desk.NextOffer(Min(10));
        Assert.Equal(("lower", true), (second.TicketId, second.Borrowed));
    }

    [Fact]
    public void A_lower_tier_never_takes_higher_tier_tickets()
    {
        var desk = Desk();
        desk.AddAgent("l1", T0, tier: "L1");
        desk.Submit(Ticket("t") with { EntryTier = "L2" }, T0);

        desk.AssertNoOffer(Min(600));
    }

    [Fact]
    public void The_own_tier_agent_is_preferred_over_a_borrower()
    {
        var desk = Desk();
        desk.AddAgent("l2", T0, tier: "L2");
        desk.AddAgent("l1", Min(5), tier: "L1");
        desk.Submit("t", T0);

        var offer = desk.NextOffer(Min(30));
        Assert.Equal(("l1", false), (offer.AgentId, offer.Borrowed));
    }

    [Fact]
    public void Borrowing_prefers_the_nearest_lower_tier_and_can_reach_further_down()
    {
        var desk = Desk();
        desk.AddAgent("l3", T0, tier: "L3", capacity: 2);
        desk.Submit("from-l1", T0, Priority.P1);
        desk.Submit(Ticket("from-l2", Priority.P4) with { EntryTier = "L2" }, Min(1));

        var offers = desk.OfferOrder(Min(10));
        Assert.Equal(["from-l2", "from-l1"], offers);
        desk.CheckInvariants();
    }

    [Fact]
    public void The_wait_is_measured_from_when_the_ticket_joined_this_tiers_queue()
    {
        var desk = Desk();
        desk.AddAgent("l2", T0, tier: "L2");
        desk.Submit(Ticket("t"), Min(10), createdAt: T0);

        // Created ten minutes before it was queued: queueing time, not creation, counts.
        desk.AssertNoOffer(Min(14));
        Assert.True(desk.TryNextOffer(Min(15), out _));
    }
}
