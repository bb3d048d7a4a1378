using SupportQueue.Core.Model;
using static SupportQueue.Core.Tests.Routing.TestDesk;

namespace SupportQueue.Core.Tests.Routing;

public class SlaTests
{
    private static readonly DeskSettings _settings = DeskSettings.Default with
    {
        Sla = [new SlaTarget(Priority.P2, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(60))],
    };

    [Fact]
    public void The_placement_names_the_sla_of_the_tickets_priority()
    {
        var desk = Create(_settings);

        var p2 = desk.Submit("p2", T0, Priority.P2);
        var p3 = desk.Submit("p3", T0, Priority.P3);

        Assert.Equal(_settings.Sla[0], p2.Sla);
        Assert.Null(p3.Sla);
    }

    [Fact]
    public void First_response_is_met_up_to_and_including_the_target_and_breached_after()
    {
        var desk = Create(_settings);
        desk.AddAgent("a", T0, capacity: 3);
        desk.Submit("early", T0, Priority.P2);
        desk.Submit("on-the-dot", T0, Priority.P2);
        desk.Submit("late", T0, Priority.P2);

        desk.Assign(Min(5));
        desk.Assign(Min(10));
        desk.Assign(Min(10) + TimeSpan.FromTicks(1));

        var sla = desk.Status(Min(11)).Sla(Priority.P2);
        Assert.Equal((2L, 1L, 0L, 0L, 0), (sla.FirstResponseMet, sla.FirstResponseBreached, sla.ResolutionMet, sla.ResolutionBreached, sla.OpenPastFirstResponse));
    }

    [Fact]
    public void Resolution_is_judged_from_creation_when_the_ticket_is_resolved()
    {
        var desk = Create(_settings);
        desk.AddAgent("a", T0, capacity: 2);
        desk.Submit("in-time", T0, Priority.P2);
        desk.Submit(Ticket("late", Priority.P2), Min(30), createdAt: Min(-1));
        desk.Assign(Min(30));
        desk.Assign(Min(30));

        desk.Resolve("in-time", "a", Min(60));
        desk.Resolve("late", "a", Min(60));

        var sla = desk.Status(Min(61)).Sla(Priority.P2);
        Assert.Equal((1L, 1L), (sla.ResolutionMet, sla.ResolutionBreached));

        // First response was judged against the created-at basis too: both were over 10 minutes.
        Assert.Equal((0L, 2L), (sla.FirstResponseMet, sla.FirstResponseBreached));
    }

    [Fact]
    public void First_response_counts_once_per_ticket_even_after_release_or_escalation()
    {
        var desk = Create(_settings);
        desk.AddAgent("a", T0);
        desk.AddAgent("b", T0, tier: "L2");
        desk.Submit("t", T0, Priority.P2);
        desk.Assign(Min(1));
        desk.ReleaseAssigned("t", "a", Min(2));
        desk.Assign(Min(30));
        desk.Escalate("t", "a", "beyond me", Min(31));
        desk.Assign(Min(32));

        var sla = desk.Status(Min(33)).Sla(Priority.P2);
        Assert.Equal((1L, 0L), (sla.FirstResponseMet, sla.FirstResponseBreached));
    }

    [Fact]
    public void Open_tickets_past_first_response_are_reported_while_unanswered()
    {
        var desk = Create(_settings);
        desk.Submit("waiting", T0, Priority.P2);
        desk.Submit("other-priority", T0, Priority.P3);

        Assert.Equal(0, desk.Status(Min(10)).Sla(Priority.P2).OpenPastFirstResponse);
        Assert.Equal(1, desk.Status(Min(10) + TimeSpan.FromTicks(1)).Sla(Priority.P2).OpenPastFirstResponse);

        desk.AddAgent("a", Min(20));
        desk.Assign(Min(20));
        var sla = desk.Status(Min(21)).Sla(Priority.P2);
        Assert.Equal((0, 1L), (sla.OpenPastFirstResponse, sla.FirstResponseBreached));
    }

    [Fact]
    public void Priorities_without_targets_are_not_counted()
    {
        var desk = Create(_settings);
        desk.AddAgent("a", T0);
        desk.Submit("p3", T0, Priority.P3);
        desk.Assign(Min(100));
        desk.Resolve("p3", "a", Min(500));

        var status = desk.Status(Min(501));
        Assert.Equal([Priority.P1, Priority.P2, Priority.P3, Priority.P4], status.Sla.Select(s => s.Priority));
        Assert.All(status.Sla, s => Assert.Equal((0L, 0L, 0L, 0L, 0), (s.FirstResponseMet, s.FirstResponseBreached, s.ResolutionMet, s.ResolutionBreached, s.OpenPastFirstResponse)));
        Assert.Equal((1L, 1L, 0), (status.Submitted, status.Resolved, status.Open));
    }
}
