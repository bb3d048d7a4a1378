using SupportQueue.Core.Model;

namespace SupportQueue.Core.Tests.Model;

public sealed class SlaBreachTests
{
    private static readonly DateTimeOffset _t0 = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    private static Ticket NewTicket() =>
        Ticket.Create(new TicketSpec("t-1", "desk", Priority.P2, []), new SlaTarget(Priority.P2, TimeSpan.FromMinutes(30), TimeSpan.FromHours(4)), _t0);

    [Fact]
    public void Nothing_is_recorded_before_a_target_passes()
    {
        var ticket = NewTicket();
        ticket.MarkQueued("L1", _t0);

        Assert.False(ticket.RecordSlaBreaches(_t0 + TimeSpan.FromMinutes(30)));
        Assert.DoesNotContain(ticket.History, e => e.Kind == TicketEventKind.SlaBreached);
    }

    [Fact]
    public void A_breach_noticed_late_is_stamped_when_it_happened_in_time_order_and_only_once()
    {
        var ticket = NewTicket();
        ticket.MarkQueued("L1", _t0);
        ticket.Assign("a", "L1", _t0 + TimeSpan.FromMinutes(45));

        // Noticed five hours in (say after a restart): the first response came late (target passed
        // at 30 min, answered at 45) and the resolution target passed at 4 h.
        Assert.True(ticket.RecordSlaBreaches(_t0 + TimeSpan.FromHours(5)));
        Assert.False(ticket.RecordSlaBreaches(_t0 + TimeSpan.FromHours(6)));

        var breaches = ticket.History.Where(e => e.Kind == TicketEventKind.SlaBreached).ToArray();
        Assert.Equal([_t0 + TimeSpan.FromMinutes(30), _t0 + TimeSpan.FromHours(4)], breaches.Select(e => e.At));
        Assert.Equal(["first response target passed", "resolution target passed"], breaches.Select(e => e.Reason));
        Assert.Equal(ticket.History.OrderBy(e => e.At).Select(e => e.Kind), ticket.History.Select(e => e.Kind));
    }

    [Fact]
    public void An_unanswered_ticket_records_its_first_response_breach_at_the_deadline()
    {
        var ticket = NewTicket();
        ticket.MarkQueued("L1", _t0);

        Assert.True(ticket.RecordSlaBreaches(_t0 + TimeSpan.FromMinutes(31)));

        var breach = Assert.Single(ticket.History, e => e.Kind == TicketEventKind.SlaBreached);
        Assert.Equal(_t0 + TimeSpan.FromMinutes(30), breach.At);
        Assert.Equal(false, ticket.EvaluateSla(_t0 + TimeSpan.FromMinutes(31)).FirstResponseMet);
    }
}
