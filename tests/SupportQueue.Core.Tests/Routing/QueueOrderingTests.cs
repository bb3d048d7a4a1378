using SupportQueue.Core.Model;
using SupportQueue.Core.Routing;
using static SupportQueue.Core.Tests.Routing.TestDesk;

namespace SupportQueue.Core.Tests.Routing;

public class QueueOrderingTests
{
    private static readonly TimeSpan _step = TimeSpan.FromMinutes(15);

    /// <summary>One agent with room for everything, so the offer order is the queue order.</summary>
    private static DeskScheduler DeskWithRoomyAgent(TimeSpan? agingStep)
    {
        var desk = Create(DeskSettings.Default with { AgingStep = agingStep });
        desk.AddAgent("a", T0, capacity: 1000);
        return desk;
    }

    [Fact]
    public void Without_aging_priority_wins_over_any_wait()
    {
        var desk = DeskWithRoomyAgent(null);
        desk.Submit("old-p4", T0, Priority.P4);
        desk.Submit("old-p3", Min(1), Priority.P3);
        desk.Submit("new-p1", Min(600), Priority.P1);
        desk.Submit("new-p2", Min(600), Priority.P2);

        Assert.Equal(["new-p1", "new-p2", "old-p3", "old-p4"], desk.OfferOrder(Min(600)));
    }

    [Fact]
    public void Without_aging_equal_priority_goes_by_age_then_arrival()
    {
        var desk = Create(DeskSettings.Default with { AgingStep = null });
        desk.Submit(Ticket("late-arrival-older", Priority.P2), Min(10), createdAt: Min(0));
        desk.Submit("b", Min(5), Priority.P2);
        desk.Submit("a", Min(5), Priority.P2);
        desk.AddAgent("agent", Min(10), capacity: 10);

        // Age is the created-at basis, not the submit time; identical ages fall back to arrival order.
        Assert.Equal(["late-arrival-older", "b", "a"], desk.OfferOrder(Min(10)));
    }

    [Fact]
    public void With_aging_a_ticket_gains_one_priority_step_per_aging_step_waited()
    {
        // P4 is three steps behind P1, so it needs to have waited more than three steps longer to go first.
        var desk = DeskWithRoomyAgent(_step);
        desk.Submit("p4", T0, Priority.P4);
        desk.Submit("p1-fresh", T0 + 3 * _step + TimeSpan.FromMinutes(1), Priority.P1);

        Assert.Equal(["p4", "p1-fresh"], desk.OfferOrder(Min(120)));
    }

    [Fact]
    public void With_aging_a_ticket_short_of_the_full_steps_stays_behind()
    {
        var desk = DeskWithRoomyAgent(_step);
        desk.Submit("p4", T0, Priority.P4);
        desk.Submit("p1", T0 + 3 * _step - TimeSpan.FromTicks(1), Priority.P1);

        Assert.Equal(["p1", "p4"], desk.OfferOrder(Min(120)));
    }

    [Fact]
    public void With_aging_exactly_equal_effective_priority_ties_by_arrival_sequence()
    {
        // Exactly three steps: equal standing, so whoever was submitted first is first.
        var p4First = DeskWithRoomyAgent(_step);
        p4First.Submit("p4", T0, Priority.P4);
        p4First.Submit("p1", T0 + 3 * _step, Priority.P1);
        Assert.Equal(["p4", "p1"], p4First.OfferOrder(Min(120)));

        // Same ages, opposite arrival order (created-at given explicitly): the order flips.
        var p1First = DeskWithRoomyAgent(_step);
        p1First.Submit(Ticket("p1", Priority.P1), Min(60), createdAt: T0 + 3 * _step);
        p1First.Submit(Ticket("p4", Priority.P4), Min(60), createdAt: T0);
        Assert.Equal(["p1", "p4"], p1First.OfferOrder(Min(120)));
    }

    [Fact]
    public void With_aging_one_step_is_worth_one_priority_level()
    {
        var desk = DeskWithRoomyAgent(_step);
        desk.Submit("p3-waited-a-step-and-a-bit", T0, Priority.P3);
        desk.Submit("p2", T0 + _step + TimeSpan.FromSeconds(1), Priority.P2);
        desk.Submit("p3-fresh", T0 + _step + TimeSpan.FromSeconds(1), Priority.P3);

        Assert.Equal(["p3-waited-a-step-and-a-bit", "p2", "p3-fresh"], desk.OfferOrder(Min(60)));
    }

    [Fact]
    public void With_aging_the_order_does_not_depend_on_when_the_desk_looks()
    {
        // Aging is relative between tickets: asking later must not reshuffle them.
        var early = DeskWithRoomyAgent(_step);
        var late = DeskWithRoomyAgent(_step);
        foreach (var desk in new[] { early, late })
        {
            desk.Submit("p2", T0, Priority.P2);
            desk.Submit("p1", Min(10), Priority.P1);
            desk.Submit("p4", Min(-40), Priority.P4);
        }

        // Effective ages: p4 −40+45 = 5, p1 10+0 = 10, p2 0+15 = 15 minutes.
        var order = early.OfferOrder(Min(11));
        Assert.Equal(["p4", "p1", "p2"], order);
        Assert.Equal(order, late.OfferOrder(Min(10_000)));
    }

    [Fact]
    public void Turning_aging_off_reorders_the_waiting_tickets_by_strict_priority()
    {
        var desk = Create(DeskSettings.Default with { AgingStep = _step });
        desk.Submit("p4-old", T0, Priority.P4);
        desk.Submit("p1", T0 + 3 * _step + TimeSpan.FromMinutes(5), Priority.P1);

        desk.Reconfigure(DeskSettings.Default with { AgingStep = null });
        desk.Submit("p2-new", Min(120), Priority.P2);
        desk.AddAgent("a", Min(120), capacity: 10);

        Assert.Equal(["p1", "p2-new", "p4-old"], desk.OfferOrder(Min(120)));
        desk.CheckInvariants();
    }

    [Fact]
    public void Turning_aging_on_lets_old_tickets_overtake()
    {
        var desk = Create(DeskSettings.Default with { AgingStep = null });
        desk.AddAgent("a", T0, capacity: 10);
        desk.Submit("p4-old", T0, Priority.P4);
        desk.Submit("p1", Min(60), Priority.P1);
        var offered = desk.NextOffer(Min(60));
        Assert.Equal("p1", offered.TicketId);
        desk.DeclineOffer(offered.ReservationId, Min(60));

        desk.Reconfigure(DeskSettings.Default with { AgingStep = _step });
        desk.Submit("p3-new", Min(61), Priority.P3);

        // Effective ages: p4-old 0+45 = 45, p1 60+0 = 60, p3-new 61+30 = 91 minutes.
        Assert.Equal(["p4-old", "p1", "p3-new"], desk.OfferOrder(Min(61)));
        desk.CheckInvariants();
    }

    [Fact]
    public void Ordering_holds_across_tickets_with_different_skill_sets()
    {
        var desk = Create(DeskSettings.Default with { AgingStep = null });
        desk.AddAgent("generalist", T0, capacity: 10, skills: [Skill("billing"), Skill("network")]);
        desk.Submit("billing-p3", T0, Priority.P3, "billing");
        desk.Submit("plain-p2", Min(1), Priority.P2);
        desk.Submit("network-p1", Min(2), Priority.P1, "network");
        desk.Submit("plain-p3", Min(3), Priority.P3);

        Assert.Equal(["network-p1", "plain-p2", "billing-p3", "plain-p3"], desk.OfferOrder(Min(5)));
    }

    [Fact]
    public void An_ineligible_head_does_not_block_tickets_others_can_take()
    {
        var desk = Create();
        desk.AddAgent("plain", T0);
        desk.Submit("needs-db", T0, Priority.P1, "db");
        desk.Submit("plain", Min(1), Priority.P4);

        var offer = desk.NextOffer(Min(2));
        Assert.Equal("plain", offer.TicketId);
        Assert.Equal(DeskTicketState.Queued, desk.Where("needs-db").State);
    }

    [Fact]
    public void Queue_key_compares_rank_then_age_then_sequence()
    {
        var aged = QueueKey.For(Priority.P2, T0, _step, 5);
        Assert.Equal(new QueueKey(0, T0.UtcTicks + _step.Ticks, 5), aged);

        var strict = QueueKey.For(Priority.P2, T0, null, 5);
        Assert.Equal(new QueueKey(2, T0.UtcTicks, 5), strict);

        Assert.True(new QueueKey(1, 100, 9).CompareTo(new QueueKey(2, 0, 0)) < 0);
        Assert.True(new QueueKey(1, 50, 9).CompareTo(new QueueKey(1, 100, 0)) < 0);
        Assert.True(new QueueKey(1, 50, 3).CompareTo(new QueueKey(1, 50, 4)) < 0);
        Assert.Equal(0, new QueueKey(1, 50, 3).CompareTo(new QueueKey(1, 50, 3)));
    }

    /// <summary>
    /// "old" is created first at L1 and escalated after waiting 10 minutes; "direct" entered L2 at
    /// minute 5, before "old" got there. Tier-arrival order answers "direct" first; ticket-age order
    /// lets the older ticket jump ahead.
    /// </summary>
    [Theory]
    [InlineData(QueueOrder.TierArrival, new[] { "direct", "old" })]
    [InlineData(QueueOrder.TicketAge, new[] { "old", "direct" })]
    public void An_escalated_ticket_queues_by_the_desks_queue_order(QueueOrder order, string[] expected)
    {
        var desk = Create(Settings("L1", "L2") with
        {
            AgingStep = null,
            QueueOrder = order,
            Escalation = [new EscalationRule(EscalationRuleKind.WaitTimeout, Tier: "L1", After: TimeSpan.FromMinutes(10))],
        });
        desk.Submit("old", T0);
        desk.Submit(Ticket("direct") with { EntryTier = "L2" }, Min(5));
        Assert.Equal("L2", Assert.Single(desk.AdvanceTo(Min(11))).ToTier);

        desk.AddAgent("l2", Min(12), tier: "L2", capacity: 10);

        Assert.Equal(expected, desk.OfferOrder(Min(12)));
    }

    [Fact]
    public void Tier_arrival_is_the_default_and_an_unknown_order_is_refused_naming_the_field()
    {
        Assert.Equal(QueueOrder.TierArrival, DeskSettings.Default.QueueOrder);
        Assert.Contains((DeskSettings.Default with { QueueOrder = (QueueOrder)7 }).Validate(), e => e.StartsWith("$.queueOrder: 7", StringComparison.Ordinal));
    }
}
