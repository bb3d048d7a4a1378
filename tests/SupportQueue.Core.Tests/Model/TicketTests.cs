using System.Text.Json;
using SupportQueue.Core.Model;
using SupportQueue.Core.Routing;
using SupportQueue.Core.Tests.Routing;

namespace SupportQueue.Core.Tests.Model;

public class TicketTests
{
    private const string DeskId = TestDesk.DeskId;
    private static readonly DateTimeOffset _t0 = TestDesk.T0;

    private static readonly SlaTarget _sla = new(Priority.P2, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(60));

    private static Ticket NewTicket(SlaTarget? sla = null) =>
        Ticket.Create(new TicketSpec("t", DeskId, Priority.P2, ["db"], null, "cannot log in"), sla ?? _sla, _t0);

    private static Ticket Queued()
    {
        var t = NewTicket();
        t.MarkQueued("L1", TestDesk.Min(1));
        return t;
    }

    private static Ticket AssignedTo(string agent)
    {
        var t = Queued();
        t.Assign(agent, "L1", TestDesk.Min(2));
        return t;
    }

    private static Ticket ResolvedBy(string agent)
    {
        var t = AssignedTo(agent);
        t.Resolve(agent, TestDesk.Min(3));
        return t;
    }

    private static string Snapshot(Ticket t) => JsonSerializer.Serialize(t);

    [Fact]
    public void Full_lifecycle_through_three_tiers_is_recorded_with_timestamps()
    {
        var t = NewTicket();
        t.MarkQueued("L1", TestDesk.Min(1));
        Assert.True(t.Assign("a1", "L1", TestDesk.Min(2)));
        t.Escalate("a1", "L2", TestDesk.Min(3), "needs db");
        Assert.True(t.Assign("a2", "L2", TestDesk.Min(4)));
        t.Escalate("a2", "L3", TestDesk.Min(5), "needs vendor");
        Assert.True(t.Assign("a3", "L3", TestDesk.Min(6)));
        t.Resolve("a3", TestDesk.Min(7));

        Assert.Equal(
        [
            new TicketEvent(TicketEventKind.Created, _t0),
            new TicketEvent(TicketEventKind.Queued, TestDesk.Min(1), "L1"),
            new TicketEvent(TicketEventKind.Assigned, TestDesk.Min(2), "L1", "a1"),
            new TicketEvent(TicketEventKind.Escalated, TestDesk.Min(3), "L1", "a1", "L1 → L2: needs db"),
            new TicketEvent(TicketEventKind.Queued, TestDesk.Min(3), "L2", Reason: "escalated"),
            new TicketEvent(TicketEventKind.Assigned, TestDesk.Min(4), "L2", "a2"),
            new TicketEvent(TicketEventKind.Escalated, TestDesk.Min(5), "L2", "a2", "L2 → L3: needs vendor"),
            new TicketEvent(TicketEventKind.Queued, TestDesk.Min(5), "L3", Reason: "escalated"),
            new TicketEvent(TicketEventKind.Assigned, TestDesk.Min(6), "L3", "a3"),
            new TicketEvent(TicketEventKind.Resolved, TestDesk.Min(7), "L3", "a3"),
        ], t.History);
        Assert.Equal((TicketStatus.Resolved, "L3", (string?)null, TestDesk.Min(2), TestDesk.Min(7)), (t.Status, t.Tier, t.AgentId, t.FirstAssignedAt, t.ResolvedAt));
    }

    [Fact]
    public void Created_ticket_carries_its_spec_and_sla_targets()
    {
        var t = NewTicket();

        Assert.Equal(("t", DeskId, Priority.P2, TicketStatus.New, _t0), (t.Id, t.DeskId, t.Priority, t.Status, t.CreatedAt));
        Assert.Equal(["db"], t.Skills);
        Assert.Equal((TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(60)), (t.FirstResponseTarget, t.ResolutionTarget));
        var spec = t.ToSpec();
        Assert.Equal(("t", DeskId, Priority.P2, (string?)null, "cannot log in"), (spec.TicketId, spec.DeskId, spec.Priority, spec.EntryTier, spec.Subject));
        Assert.Equal(["db"], spec.Skills.ToArray());
    }

    [Fact]
    public void An_offer_carrying_an_escalation_this_record_missed_applies_it_first_and_is_accepted()
    {
        var t = Queued();
        t.TakeOffer("a", "L1", TestDesk.Min(2), out _);
        var missed = new UnconfirmedEscalation("a", "L2", TestDesk.Min(5), "needs L2");

        // Without the escalation the record believes "a" still holds it, and refuses the L2 agent.
        var stale = Queued();
        stale.TakeOffer("a", "L1", TestDesk.Min(2), out _);
        Assert.Equal(OfferOutcome.TicketGone, stale.TakeOffer("l2", "L2", TestDesk.Min(6), out _));

        Assert.Equal((OfferOutcome.Accepted, true), (t.TakeOffer("l2", "L2", TestDesk.Min(6), out var changed, missed), changed));
        Assert.Equal((TicketStatus.Assigned, "l2", "L2"), (t.Status, t.AgentId, t.Tier));
        var escalated = Assert.Single(t.History, e => e.Kind == TicketEventKind.Escalated);
        Assert.Equal(("a", TestDesk.Min(5), "L1 → L2: needs L2"), (escalated.AgentId, escalated.At, escalated.Reason));
        Assert.True(t.WasLastEscalatedBy("a", out var queuedAt));
        Assert.Equal("L2", queuedAt);

        // Applied once: the same offer again, or one whose escalation the record already has, changes nothing.
        Assert.Equal((OfferOutcome.Accepted, false), (t.TakeOffer("l2", "L2", TestDesk.Min(7), out var again, missed), again));
        var recorded = Queued();
        recorded.TakeOffer("a", "L1", TestDesk.Min(2), out _);
        recorded.Escalate("a", "L2", TestDesk.Min(5), "needs L2");
        Assert.Equal((OfferOutcome.Accepted, true), (recorded.TakeOffer("l2", "L2", TestDesk.Min(6), out var once, missed), once));
        Assert.Single(recorded.History, e => e.Kind == TicketEventKind.Escalated);

        // Another agent's escalation is no licence: a ticket "b" holds stays "b"'s.
        var others = Queued();
        others.TakeOffer("b", "L1", TestDesk.Min(2), out _);
        Assert.Equal(OfferOutcome.TicketGone, others.TakeOffer("l2", "L2", TestDesk.Min(6), out _, missed));
        Assert.Equal("b", others.AgentId);
    }

    [Fact]
    public void An_offer_lands_once_is_accepted_again_for_the_same_agent_and_is_gone_for_anyone_else()
    {
        var t = Queued();

        Assert.Equal((OfferOutcome.Accepted, true), (t.TakeOffer("a", "L1", TestDesk.Min(2), out var first), first));
        Assert.Equal((OfferOutcome.Accepted, false), (t.TakeOffer("a", "L1", TestDesk.Min(3), out var retry), retry));
        Assert.Equal((OfferOutcome.TicketGone, false), (t.TakeOffer("b", "L1", TestDesk.Min(3), out var other), other));
        Assert.Equal(("a", 1), (t.AgentId, t.History.Count(e => e.Kind == TicketEventKind.Assigned)));

        t.Resolve("a", TestDesk.Min(4));
        Assert.Equal(OfferOutcome.TicketGone, t.TakeOffer("a", "L1", TestDesk.Min(5), out _));
        Assert.True(t.WasResolvedBy("a"));
        Assert.False(t.WasResolvedBy("b"));
    }

    [Fact]
    public void Only_the_latest_escalation_by_an_agent_that_no_longer_holds_the_ticket_counts_as_its()
    {
        var t = AssignedTo("a");
        Assert.False(t.WasLastEscalatedBy("a", out _));

        t.Escalate("a", "L2", TestDesk.Min(3), "needs L2");
        Assert.True(t.WasLastEscalatedBy("a", out var tier));
        Assert.Equal("L2", tier);
        Assert.False(t.WasLastEscalatedBy("b", out _));

        // Once the desk escalates it further, a's escalation is no longer the latest.
        t.Escalate(null, "L3", TestDesk.Min(20), "waited too long");
        Assert.False(t.WasLastEscalatedBy("a", out _));

        // An agent holding the ticket again is acting on it, not retrying its old escalation.
        var back = AssignedTo("a");
        back.Escalate("a", "L2", TestDesk.Min(3), "needs L2");
        back.Assign("a", "L2", TestDesk.Min(4));
        Assert.False(back.WasLastEscalatedBy("a", out _));
    }

    [Fact]
    public void A_desk_escalation_from_the_queue_needs_no_agent()
    {
        var t = Queued();
        t.Escalate(null, "L2", TestDesk.Min(11), "waited too long");

        Assert.Equal((TicketStatus.Queued, "L2"), (t.Status, t.Tier));
        Assert.Equal(TicketEventKind.Escalated, t.History[^2].Kind);
        Assert.Null(t.History[^2].AgentId);
    }

    [Fact]
    public void Assigning_again_to_the_same_agent_is_a_harmless_no_op()
    {
        var t = AssignedTo("a");
        var before = Snapshot(t);

        Assert.False(t.Assign("a", "L1", TestDesk.Min(9)));
        Assert.Equal(before, Snapshot(t));
    }

    [Fact]
    public void Reopen_brings_a_resolved_ticket_back_for_queueing()
    {
        var t = ResolvedBy("a");
        t.Reopen(TestDesk.Min(30), "customer says still broken");

        Assert.Equal((TicketStatus.New, 1, (DateTimeOffset?)null), (t.Status, t.Reopens, t.ResolvedAt));
        Assert.Equal(new TicketEvent(TicketEventKind.Reopened, TestDesk.Min(30), "L1", Reason: "customer says still broken"), t.History[^1]);

        t.MarkQueued("L1", TestDesk.Min(31));
        t.Assign("b", "L1", TestDesk.Min(32));
        t.Resolve("b", TestDesk.Min(40));
        t.Reopen(TestDesk.Min(41), "again");
        Assert.Equal(2, t.Reopens);
        Assert.Equal(TestDesk.Min(2), t.FirstAssignedAt);
    }

    [Fact]
    public void Abandon_is_possible_while_new_or_queued()
    {
        var fresh = NewTicket();
        fresh.Abandon(TestDesk.Min(1));
        Assert.Equal(TicketStatus.Abandoned, fresh.Status);

        var queued = Queued();
        queued.Abandon(TestDesk.Min(2), "duplicate of t0");
        Assert.Equal(new TicketEvent(TicketEventKind.Abandoned, TestDesk.Min(2), "L1", Reason: "duplicate of t0"), queued.History[^1]);
    }

    public static TheoryData<string, Func<Ticket>, Action<Ticket>, RefusalCode> InvalidTransitions => new()
    {
        { "assign a new ticket", () => NewTicket(), t => t.Assign("a", "L1", TestDesk.Min(9)), RefusalCode.InvalidTransition },
        { "assign someone else's", () => AssignedTo("a"), t => t.Assign("b", "L1", TestDesk.Min(9)), RefusalCode.InvalidTransition },
        { "assign a resolved one", () => ResolvedBy("a"), t => t.Assign("a", "L1", TestDesk.Min(9)), RefusalCode.InvalidTransition },
        { "queue an assigned one", () => AssignedTo("a"), t => t.MarkQueued("L2", TestDesk.Min(9)), RefusalCode.InvalidTransition },
        { "queue a resolved one", () => ResolvedBy("a"), t => t.MarkQueued("L1", TestDesk.Min(9)), RefusalCode.InvalidTransition },
        { "resolve a queued one", Queued, t => t.Resolve("a", TestDesk.Min(9)), RefusalCode.InvalidTransition },
        { "resolve twice", () => ResolvedBy("a"), t => t.Resolve("a", TestDesk.Min(9)), RefusalCode.InvalidTransition },
        { "resolve someone else's", () => AssignedTo("a"), t => t.Resolve("b", TestDesk.Min(9)), RefusalCode.NotYourTicket },
        { "agent escalates someone else's", () => AssignedTo("a"), t => t.Escalate("b", "L2", TestDesk.Min(9), "x"), RefusalCode.NotYourTicket },
        { "agent escalates a queued one", Queued, t => t.Escalate("a", "L2", TestDesk.Min(9), "x"), RefusalCode.InvalidTransition },
        { "desk escalates an assigned one", () => AssignedTo("a"), t => t.Escalate(null, "L2", TestDesk.Min(9), "x"), RefusalCode.InvalidTransition },
        { "abandon an assigned one", () => AssignedTo("a"), t => t.Abandon(TestDesk.Min(9)), RefusalCode.InvalidTransition },
        { "abandon a resolved one", () => ResolvedBy("a"), t => t.Abandon(TestDesk.Min(9)), RefusalCode.InvalidTransition },
        { "reopen a queued one", Queued, t => t.Reopen(TestDesk.Min(9), "x"), RefusalCode.InvalidTransition },
        { "reopen an assigned one", () => AssignedTo("a"), t => t.Reopen(TestDesk.Min(9), "x"), RefusalCode.InvalidTransition },
    };

    [Theory]
    [MemberData(nameof(InvalidTransitions))]
    public void Invalid_transitions_are_refused_and_leave_the_ticket_unchanged(string what, Func<Ticket> make, Action<Ticket> act, RefusalCode code)
    {
        var t = make();
        var before = Snapshot(t);
        var historyCount = t.History.Count;

        var ex = Assert.Throws<SupportQueueException>(() => act(t));

        Assert.True(code == ex.Code, $"{what}: expected {code}, got {ex.Code}");
        Assert.Equal(historyCount, t.History.Count);
        Assert.Equal(before, Snapshot(t));
    }

    [Fact]
    public void Creating_from_an_invalid_spec_is_refused()
    {
        var ex = Assert.Throws<SupportQueueException>(() => Ticket.Create(new TicketSpec("", DeskId, Priority.P1, []), null, _t0));
        Assert.Equal(RefusalCode.InvalidArgument, ex.Code);
        Assert.StartsWith("ticketId:", ex.Message, StringComparison.Ordinal);
    }

    // ------------------------------------------------------------ SLA

    [Fact]
    public void Sla_is_undecided_while_open_and_within_target()
    {
        var t = Queued();

        Assert.Equal(new SlaOutcome(null, null), t.EvaluateSla(TestDesk.Min(10)));
    }

    [Fact]
    public void Sla_is_breached_once_an_open_ticket_passes_its_target()
    {
        var t = Queued();

        Assert.Equal(new SlaOutcome(false, null), t.EvaluateSla(TestDesk.Min(10) + TimeSpan.FromTicks(1)));
        Assert.Equal(new SlaOutcome(false, false), t.EvaluateSla(TestDesk.Min(61)));
    }

    [Fact]
    public void Sla_is_met_when_done_within_target_whenever_it_is_evaluated()
    {
        var t = AssignedTo("a");
        t.Resolve("a", TestDesk.Min(60));

        Assert.Equal(new SlaOutcome(true, true), t.EvaluateSla(TestDesk.Min(10_000)));
    }

    [Fact]
    public void Sla_is_breached_when_done_after_target()
    {
        var t = Queued();
        t.Assign("a", "L1", TestDesk.Min(11));
        Assert.Equal(new SlaOutcome(false, null), t.EvaluateSla(TestDesk.Min(12)));

        t.Resolve("a", TestDesk.Min(61));
        Assert.Equal(new SlaOutcome(false, false), t.EvaluateSla(TestDesk.Min(61)));
    }

    [Fact]
    public void Sla_without_targets_is_never_decided()
    {
        var t = Ticket.Create(new TicketSpec("t", DeskId, Priority.P4, []), null, _t0);
        t.MarkQueued("L1", _t0);

        Assert.Equal(new SlaOutcome(null, null), t.EvaluateSla(TestDesk.Min(100_000)));
    }

    [Fact]
    public void Sla_after_reopen_judges_resolution_again_and_keeps_first_response()
    {
        var t = ResolvedBy("a");
        Assert.Equal(new SlaOutcome(true, true), t.EvaluateSla(TestDesk.Min(5)));

        t.Reopen(TestDesk.Min(50), "not fixed");
        Assert.Equal(new SlaOutcome(true, null), t.EvaluateSla(TestDesk.Min(55)));
        Assert.Equal(new SlaOutcome(true, false), t.EvaluateSla(TestDesk.Min(61)));
    }
}
