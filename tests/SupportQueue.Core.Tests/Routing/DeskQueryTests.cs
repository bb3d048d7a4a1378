using SupportQueue.Core.Model;
using SupportQueue.Core.Routing;

namespace SupportQueue.Core.Tests.Routing;

/// <summary>The listing views of a desk: waiting tickets in the order they will be offered, and the pools' agents.</summary>
public class DeskQueryTests
{
    [Fact]
    public void Waiting_lists_a_tiers_queue_in_offer_order_a_page_at_a_time()
    {
        var desk = TestDesk.Create();
        desk.Submit("p3-old", TestDesk.Min(0), Priority.P3);
        desk.Submit("p1", TestDesk.Min(1), Priority.P1);
        desk.Submit("p3-new", TestDesk.Min(2), Priority.P3);

        var all = desk.Waiting("l1", 0, 10);
        Assert.Equal(3, all.Total);
        Assert.Equal(["p1", "p3-old", "p3-new"], all.Tickets.Select(t => t.TicketId));
        Assert.All(all.Tickets, t => Assert.Equal("L1", t.Tier));

        var second = desk.Waiting("L1", 1, 1);
        Assert.Equal(3, second.Total);
        Assert.Equal("p3-old", Assert.Single(second.Tickets).TicketId);
        Assert.Equal(0, desk.Waiting("L2", 0, 10).Total);
    }

    [Fact]
    public void An_offered_ticket_still_waits_and_says_so_an_assigned_one_does_not()
    {
        var desk = TestDesk.Create();
        desk.AddAgent("alice", TestDesk.Min(0));
        desk.Submit("t1", TestDesk.Min(0));
        desk.Submit("t2", TestDesk.Min(0));
        var offer = desk.NextOffer(TestDesk.Min(0));

        var waiting = desk.Waiting("L1", 0, 10);
        Assert.Equal(2, waiting.Total);
        Assert.True(waiting.Tickets.Single(t => t.TicketId == offer.TicketId).Offered);

        desk.AcceptOffer(offer.ReservationId, TestDesk.Min(1));
        Assert.DoesNotContain(offer.TicketId, desk.Waiting("L1", 0, 10).Tickets.Select(t => t.TicketId));
    }

    [Fact]
    public void An_unknown_tier_is_refused_naming_it()
    {
        var ex = Assert.Throws<SupportQueueException>(() => TestDesk.Create().Waiting("L9", 0, 10));
        Assert.StartsWith("tier: 'L9'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Agents_lists_every_pool_by_id_with_presence_and_load()
    {
        var desk = TestDesk.Create();
        desk.AddAgent("zoe", TestDesk.Min(0), tier: "L2", capacity: 2, presence: Presence.Break);
        desk.AddAgent("adam", TestDesk.Min(0));
        desk.Submit("t1", TestDesk.Min(0));
        desk.AcceptOffer(desk.NextOffer(TestDesk.Min(0)).ReservationId, TestDesk.Min(0));

        var agents = desk.Agents();
        Assert.Equal(["adam", "zoe"], agents.Select(a => a.AgentId));
        Assert.Equal(new DeskAgent("adam", "L1", Presence.Available, 1, 1), agents[0]);
        Assert.Equal(new DeskAgent("zoe", "L2", Presence.Break, 2, 0), agents[1]);
    }
}
