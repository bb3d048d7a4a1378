using SupportQueue.Core.Model;
using SupportQueue.Core.Routing;
using static SupportQueue.Core.Tests.Routing.TestDesk;

namespace SupportQueue.Core.Tests.Escalation;

public class EscalationRuleTests
{
    private static DeskScheduler Desk(params EscalationRule[] rules) => Create(DeskSettings.Default with { Escalation = [.. rules] });

    private static EscalationRule WaitTimeout(string tier, double minutes, Priority? priority = null) =>
        new(EscalationRuleKind.WaitTimeout, Tier: tier, After: TimeSpan.FromMinutes(minutes), Priority: priority);

    // ------------------------------------------------------------ WaitTimeout

    [Fact]
    public void Wait_timeout_fires_exactly_at_queued_time_plus_after_and_not_before()
    {
        var desk = Desk(WaitTimeout("L1", 10));
        desk.Submit("t", Min(2));
        Assert.Equal(Min(12), desk.NextDeadline);

        Assert.Empty(desk.AdvanceTo(Min(12) - TimeSpan.FromTicks(1)));
        Assert.Equal("L1", desk.Where("t").Tier);

        var action = Assert.Single(desk.AdvanceTo(Min(12)));
        Assert.Equal((DeskActionKind.WaitEscalated, "t", "L1", "L2", (string?)null, Min(12)), (action.Kind, action.TicketId, action.FromTier, action.ToTier, action.AgentId, action.At));
        Assert.Contains("L1", action.Reason, StringComparison.Ordinal);
        Assert.Equal((DeskTicketState.Queued, "L2", (string?)null), desk.Where("t"));
        Assert.Equal(1, desk.Escalations);
        Assert.Equal((0, 1), (desk.QueueLength(0), desk.QueueLength(1)));
        desk.CheckInvariants();
    }

    [Fact]
    public void Wait_timeout_applies_at_its_deadline_even_when_time_is_advanced_past_it()
    {
        var desk = Desk(WaitTimeout("L1", 10), WaitTimeout("L2", 20));
        desk.Submit("t", T0);

        // One big step still applies each deadline at its own time: L2 at 10, L3 at 10+20.
        var actions = desk.AdvanceTo(Min(500));
        Assert.Equal([("L1", "L2", Min(10)), ("L2", "L3", Min(30))], actions.Select(a => (a.FromTier, a.ToTier, a.At)));
        Assert.Equal("L3", desk.Where("t").Tier);
        Assert.Equal(2, desk.Escalations);
        Assert.Equal(Min(500) - Min(30), desk.Status(Min(500)).Tier("L3").OldestWait);
    }

    [Fact]
    public void A_ticket_assigned_before_its_deadline_does_not_escalate()
    {
        var desk = Desk(WaitTimeout("L1", 10));
        desk.AddAgent("a", T0);
        desk.Submit("t", T0);
        desk.Assign(Min(9));

        Assert.Empty(desk.AdvanceTo(Min(60)));
        Assert.Equal((DeskTicketState.Assigned, "L1", "a"), desk.Where("t"));
        Assert.Equal(0, desk.Escalations);
    }

    [Fact]
    public void An_offer_pending_at_the_deadline_holds_off_escalation_but_a_decline_keeps_the_original_clock()
    {
        var desk = Create(DeskSettings.Default with { Escalation = [WaitTimeout("L1", 10)] }, expireOffers: false);
        desk.AddAgent("a", T0);
        desk.Submit("t", T0);
        var offer = desk.NextOffer(Min(5));

        // Offers do not escalate; the deadline passed while the ticket was out.
        Assert.Empty(desk.AdvanceTo(Min(11)));
        Assert.Equal("L1", desk.Where("t").Tier);

        desk.DeclineOffer(offer.ReservationId, Min(12));
        var action = Assert.Single(desk.AdvanceTo(Min(12)));
        Assert.Equal((DeskActionKind.WaitEscalated, "L2", Min(12)), (action.Kind, action.ToTier, action.At));
    }

    [Fact]
    public void Wait_timeout_can_be_limited_to_one_priority_and_the_shortest_limit_wins()
    {
        var desk = Desk(WaitTimeout("L1", 10), WaitTimeout("L1", 2, Priority.P1));
        desk.Submit("p1", T0, Priority.P1);
        desk.Submit("p3", T0, Priority.P3);

        Assert.Equal([("p1", Min(2)), ("p3", Min(10))], desk.AdvanceTo(Min(10)).Select(a => (a.TicketId, a.At)));
    }

    [Fact]
    public void Wait_timeout_in_one_tier_does_not_touch_another()
    {
        var desk = Desk(WaitTimeout("L2", 5));
        desk.Submit("t", T0);

        Assert.Empty(desk.AdvanceTo(Min(60)));
        Assert.Equal("L1", desk.Where("t").Tier);
        Assert.Null(desk.NextDeadline);
    }

    [Theory]
    [InlineData(QueueOrder.TicketAge, new[] { "escalated-older", "l2-newer" })]
    [InlineData(QueueOrder.TierArrival, new[] { "l2-newer", "escalated-older" })]
    public void A_wait_escalated_ticket_keeps_its_age_in_the_next_tiers_queue_only_when_the_desk_orders_by_age(QueueOrder order, string[] expected)
    {
        var desk = Create(DeskSettings.Default with { AgingStep = null, QueueOrder = order, Escalation = [WaitTimeout("L1", 10)] });
        desk.Submit(Ticket("l2-newer") with { EntryTier = "L2" }, Min(5));
        desk.Submit("escalated-older", T0);
        desk.AdvanceTo(Min(10));
        desk.AddAgent("l2", Min(10), tier: "L2", capacity: 2);

        Assert.Equal(expected, desk.OfferOrder(Min(10)));
    }

    [Fact]
    public void A_wait_timeout_removed_by_reconfiguring_no_longer_escalates_waiting_tickets()
    {
        var desk = Desk(WaitTimeout("L1", 10));
        desk.Submit("t", T0);

        desk.Reconfigure(DeskSettings.Default);

        Assert.Empty(desk.AdvanceTo(Min(60)));
        Assert.Equal("L1", desk.Where("t").Tier);
    }

    [Fact]
    public void A_wait_timeout_lengthened_by_reconfiguring_fires_at_the_new_limit()
    {
        var desk = Desk(WaitTimeout("L1", 10));
        desk.Submit("t", T0);

        desk.Reconfigure(DeskSettings.Default with { Escalation = [WaitTimeout("L1", 25)] });

        Assert.Empty(desk.AdvanceTo(Min(24)));
        var action = Assert.Single(desk.AdvanceTo(Min(60)));
        Assert.Equal(("L2", Min(25)), (action.ToTier, action.At));
    }

    [Fact]
    public void A_wait_timeout_shortened_by_reconfiguring_fires_at_the_new_limit()
    {
        var desk = Desk(WaitTimeout("L1", 25));
        desk.Submit("t", T0);

        desk.Reconfigure(DeskSettings.Default with { Escalation = [WaitTimeout("L1", 10)] }, now: Min(2));

        Assert.Empty(desk.AdvanceTo(Min(9)));
        var action = Assert.Single(desk.AdvanceTo(Min(12)));
        Assert.Equal(("L2", Min(10)), (action.ToTier, action.At));
        Assert.Empty(desk.AdvanceTo(Min(60)));
    }

    [Fact]
    public void A_wait_timeout_added_after_the_limit_has_passed_escalates_from_the_change_not_earlier()
    {
        var desk = Desk();
        desk.Submit("t", T0);

        desk.Reconfigure(DeskSettings.Default with { Escalation = [WaitTimeout("L1", 10)] }, now: Min(30));

        var action = Assert.Single(desk.AdvanceTo(Min(31)));
        Assert.Equal(("L2", Min(30)), (action.ToTier, action.At));
        desk.CheckInvariants();
    }

    // ------------------------------------------------------------ SeverityBypass

    [Fact]
    public void Severity_bypass_sends_the_priority_straight_to_its_entry_tier()
    {
        var desk = Desk(new EscalationRule(EscalationRuleKind.SeverityBypass, Priority: Priority.P1, EntryTier: "L2"));

        var p1 = desk.Submit("p1", T0, Priority.P1);
        var p2 = desk.Submit("p2", T0, Priority.P2);

        Assert.Equal("L2", p1.Tier);
        Assert.Contains("severity bypass", p1.Reason, StringComparison.Ordinal);
        Assert.Equal(new Placement("p2", "L1", null), p2);
        Assert.Equal("L2", desk.Where("p1").Tier);
    }

    [Fact]
    public void Severity_bypass_never_lowers_a_requested_entry_tier()
    {
        var desk = Desk(new EscalationRule(EscalationRuleKind.SeverityBypass, Priority: Priority.P1, EntryTier: "L2"));

        var placement = desk.Submit(Ticket("t", Priority.P1) with { EntryTier = "L3" }, T0);

        Assert.Equal("L3", placement.Tier);
    }

    // ------------------------------------------------------------ Overflow

    [Fact]
    public void Overflow_by_queue_length_sends_tickets_past_the_limit_up_a_tier()
    {
        var desk = Desk(new EscalationRule(EscalationRuleKind.Overflow, Tier: "L1", MaxQueueLength: 2));

        Assert.Equal("L1", desk.Submit("t1", T0).Tier);
        Assert.Equal("L1", desk.Submit("t2", T0).Tier);
        var third = desk.Submit("t3", T0);

        Assert.Equal("L2", third.Tier);
        Assert.Contains("overflow", third.Reason, StringComparison.Ordinal);
        Assert.Equal((2, 1), (desk.QueueLength(0), desk.QueueLength(1)));
    }

    [Fact]
    public void Overflow_counts_offered_tickets_as_still_in_the_queue()
    {
        var desk = Desk(new EscalationRule(EscalationRuleKind.Overflow, Tier: "L1", MaxQueueLength: 1));
        desk.AddAgent("a", T0);
        desk.Submit("t1", T0);
        var offer = desk.NextOffer(Min(1));
        Assert.Equal("L2", desk.Submit("t2", Min(1)).Tier);

        desk.AcceptOffer(offer.ReservationId, Min(2));
        Assert.Equal("L1", desk.Submit("t3", Min(2)).Tier);
    }

    [Fact]
    public void Overflow_by_expected_wait_uses_queue_staffing_and_handle_time()
    {
        var settings = DeskSettings.Default with
        {
            Tiers = [new TierSettings("L1", TimeSpan.FromMinutes(10)), new TierSettings("L2"), new TierSettings("L3")],
            Escalation = [new EscalationRule(EscalationRuleKind.Overflow, Tier: "L1", MaxExpectedWait: TimeSpan.FromMinutes(15))],
        };
        var desk = Create(settings);
        desk.AddAgent("a", T0);

        Assert.Equal(TimeSpan.Zero, desk.ExpectedWait(0));
        Assert.Equal("L1", desk.Submit("t1", T0).Tier);
        desk.Assign(Min(1));

        // Agent busy, nobody waiting: one handle time (10 min) ≤ 15 → stays.
        Assert.Equal(TimeSpan.FromMinutes(10), desk.ExpectedWait(0));
        Assert.Equal("L1", desk.Submit("t2", Min(1)).Tier);

        // One waiting ahead: 20 min > 15 → overflows.
        Assert.Equal(TimeSpan.FromMinutes(20), desk.ExpectedWait(0));
        var third = desk.Submit("t3", Min(1));
        Assert.Equal("L2", third.Tier);
        Assert.Contains("expected wait", third.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Overflow_by_expected_wait_when_nobody_is_available()
    {
        var desk = Desk(new EscalationRule(EscalationRuleKind.Overflow, Tier: "L1", MaxExpectedWait: TimeSpan.FromHours(8)));
        desk.AddAgent("on-break", T0, presence: Presence.Break);

        Assert.Equal(TimeSpan.MaxValue, desk.ExpectedWait(0));
        var placement = desk.Submit("t", T0);

        Assert.Equal("L2", placement.Tier);
        Assert.Contains("nobody available", placement.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Expected_wait_counts_an_offered_ticket_once()
    {
        var desk = Create();
        desk.AddAgent("a", T0);
        desk.Submit("t", T0);
        var offer = desk.NextOffer(Min(1));
        var whileOffered = desk.ExpectedWait(0);

        desk.AcceptOffer(offer.ReservationId, Min(1));

        // The reserved agent is busy either way; the pending offer is not also a ticket waiting ahead.
        Assert.Equal(desk.ExpectedWait(0), whileOffered);
    }

    [Fact]
    public void Overflow_chains_through_tiers_until_one_has_room()
    {
        var desk = Desk(
            new EscalationRule(EscalationRuleKind.Overflow, Tier: "L1", MaxQueueLength: 0),
            new EscalationRule(EscalationRuleKind.Overflow, Tier: "L2", MaxQueueLength: 1));

        Assert.Equal("L2", desk.Submit("t1", T0).Tier);
        Assert.Equal("L3", desk.Submit("t2", T0).Tier);
    }

    // ------------------------------------------------------------ SkillGap

    [Fact]
    public void Skill_gap_moves_a_ticket_to_the_first_tier_that_has_the_skill()
    {
        var desk = Desk(new EscalationRule(EscalationRuleKind.SkillGap));
        desk.AddAgent("l1", T0, tier: "L1", skills: [Skill("network")]);
        desk.AddAgent("l2", T0, tier: "L2", skills: [Skill("network")]);
        desk.AddAgent("l3", T0, tier: "L3", presence: Presence.Offline, skills: [Skill("network"), Skill("kernel")]);

        var placement = desk.Submit("t", T0, Priority.P3, "kernel", "network");

        Assert.Equal("L3", placement.Tier);
        Assert.Contains("skill gap", placement.Reason, StringComparison.Ordinal);
        Assert.Equal("L1", desk.Submit("plain", T0, Priority.P3, "network").Tier);
    }

    [Fact]
    public void Skill_gap_leaves_a_ticket_where_it_is_when_no_higher_tier_has_the_skill()
    {
        var desk = Desk(new EscalationRule(EscalationRuleKind.SkillGap));
        desk.AddAgent("l2", T0, tier: "L2", skills: [Skill("network")]);

        Assert.Equal(new Placement("t", "L1", null), desk.Submit("t", T0, Priority.P3, "kernel"));
    }

    [Fact]
    public void Skill_gap_limited_to_a_tier_applies_only_there()
    {
        var desk = Desk(new EscalationRule(EscalationRuleKind.SkillGap, Tier: "L2"));
        desk.AddAgent("l3", T0, tier: "L3", skills: [Skill("kernel")]);

        Assert.Equal("L1", desk.Submit("at-l1", T0, Priority.P3, "kernel").Tier);
        Assert.Equal("L3", desk.Submit(Ticket("at-l2", Priority.P3, "kernel") with { EntryTier = "L2" }, T0).Tier);
    }

    // ------------------------------------------------------------ agent-initiated

    [Fact]
    public void An_agent_escalates_to_the_next_tier_with_a_reason()
    {
        var desk = Desk();
        desk.AddAgent("a", T0);
        desk.Submit("t", T0);
        desk.Assign(Min(1));

        var placement = desk.Escalate("t", "a", "needs database access", Min(5));

        Assert.Equal(new Placement("t", "L2", "needs database access"), placement);
        Assert.Equal((DeskTicketState.Queued, "L2", (string?)null), desk.Where("t"));
        Assert.Equal(0, desk.AgentLoad("a"));
        Assert.Equal(1, desk.Escalations);
        desk.CheckInvariants();
    }

    [Fact]
    public void An_agent_escalates_to_an_explicit_higher_tier()
    {
        var desk = Desk();
        desk.AddAgent("a", T0);
        desk.Submit("t", T0);
        desk.Assign(Min(1));

        Assert.Equal("L3", desk.Escalate("t", "a", "security incident", Min(2), toTier: "l3").Tier);
        Assert.Equal("L3", desk.Where("t").Tier);
    }

    [Fact]
    public void An_agent_escalation_is_redirected_by_the_rules_of_the_target_tier()
    {
        var desk = Desk(new EscalationRule(EscalationRuleKind.Overflow, Tier: "L2", MaxQueueLength: 0));
        desk.AddAgent("a", T0);
        desk.Submit("t", T0);
        desk.Assign(Min(1));

        var placement = desk.Escalate("t", "a", "stuck", Min(2));
        Assert.Equal("L3", placement.Tier);
        Assert.StartsWith("stuck; overflow", placement.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Escalating_from_the_top_tier_is_refused_and_changes_nothing()
    {
        var desk = Desk();
        desk.AddAgent("top", T0, tier: "L3");
        desk.Submit(Ticket("t") with { EntryTier = "L3" }, T0);
        desk.Assign(Min(1));

        var ex = desk.AssertRefusedUnchanged(RefusalCode.NoHigherTier, Min(2), ["t"], ["top"], () => desk.Escalate("t", "top", "help", Min(2)));
        Assert.Contains("L3", ex.Message, StringComparison.Ordinal);
        Assert.Equal((DeskTicketState.Assigned, "L3", "top"), desk.Where("t"));
    }

    [Theory]
    [InlineData("L1")]
    [InlineData("L2")]
    [InlineData("L9")]
    public void An_explicit_target_that_is_not_above_the_ticket_or_unknown_is_refused(string toTier)
    {
        var desk = Desk();
        desk.AddAgent("a", T0, tier: "L2");
        desk.Submit(Ticket("t") with { EntryTier = "L2" }, T0);
        desk.Assign(Min(1));

        var ex = desk.AssertRefusedUnchanged(RefusalCode.InvalidArgument, Min(2), ["t"], ["a"], () => desk.Escalate("t", "a", "why not", Min(2), toTier));
        Assert.StartsWith("toTier: '" + toTier + "'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_escalation_without_a_reason_is_refused(string reason)
    {
        var desk = Desk();
        desk.AddAgent("a", T0);
        desk.Submit("t", T0);
        desk.Assign(Min(1));

        desk.AssertRefusedUnchanged(RefusalCode.InvalidArgument, Min(2), ["t"], ["a"], () => desk.Escalate("t", "a", reason, Min(2)));
    }
}
