using SupportQueue.Core.Model;
using SupportQueue.Core.Routing;

namespace SupportQueue.Core.Tests.Routing;

/// <summary>
/// Borrowing becomes possible by time alone, so the moment a ticket may be borrowed is one of the
/// desk's deadlines: hosts wake up then instead of at whatever event comes next.
/// </summary>
public sealed class BorrowingDeadlineTests
{
    private static readonly DateTimeOffset _t0 = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    private static DeskScheduler Desk(bool borrowing)
    {
        var settings = DeskSettings.Default with
        {
            Tiers = [new TierSettings("L1"), new TierSettings("L2")],
            Borrowing = new BorrowingSettings(borrowing, TimeSpan.FromMinutes(5)),
        };
        var desk = new DeskScheduler("desk", settings, options: new DeskSchedulerOptions { ExpireOffers = false });
        desk.UpsertAgent(new AgentSpec("a1", "desk", "L1", []), Presence.Available, _t0);
        desk.UpsertAgent(new AgentSpec("a2", "desk", "L2", []), Presence.Available, _t0);
        return desk;
    }

    private static void Assign(DeskScheduler desk, DateTimeOffset now)
    {
        Assert.True(desk.TryNextOffer(now, out var offer));
        Assert.True(desk.AcceptOffer(offer.ReservationId, now));
    }

    [Fact]
    public void The_time_a_waiting_ticket_becomes_borrowable_is_the_next_deadline()
    {
        var desk = Desk(borrowing: true);
        desk.Submit(new TicketSpec("t1", "desk", Priority.P3, []), _t0);
        Assign(desk, _t0);
        desk.Submit(new TicketSpec("t2", "desk", Priority.P3, []), _t0.AddMinutes(1));
        Assert.False(desk.TryNextOffer(_t0.AddMinutes(1), out _));

        Assert.Equal(_t0.AddMinutes(6), desk.NextDeadline);
        Assert.Empty(desk.AdvanceTo(_t0.AddMinutes(6)));
        Assert.True(desk.TryNextOffer(_t0.AddMinutes(6), out var offer));
        Assert.Equal(("t2", "a2", true), (offer.TicketId, offer.AgentId, offer.Borrowed));
        Assert.Null(desk.NextDeadline);
        desk.CheckInvariants();
    }

    [Fact]
    public void No_wake_up_without_borrowing_nor_for_a_ticket_already_taken()
    {
        var off = Desk(borrowing: false);
        off.Submit(new TicketSpec("t1", "desk", Priority.P3, []), _t0);
        Assign(off, _t0);
        off.Submit(new TicketSpec("t2", "desk", Priority.P3, []), _t0);
        Assert.Null(off.NextDeadline);

        var on = Desk(borrowing: true);
        on.Submit(new TicketSpec("t1", "desk", Priority.P3, []), _t0);
        Assign(on, _t0);
        Assert.Null(on.NextDeadline);
    }
}
