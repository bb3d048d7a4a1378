using SupportQueue.Core.Escalation;
using SupportQueue.Core.Model;
using SupportQueue.Core.Routing;
using static SupportQueue.Core.Tests.Routing.TestDesk;

namespace SupportQueue.Core.Tests.Routing;

/// <summary>
/// A live desk is configured again and again (every Configure call), usually with the settings it
/// already has: that must not pile up deadlines, and a real change must still move them.
/// </summary>
public class ReconfigureDeadlineTests
{
    private static readonly string[] _tickets = ["a", "b", "c"];
    private static readonly string[] _agents = [];

    private static EscalationRule WaitTimeout(string tier, double minutes) =>
        new(EscalationRuleKind.WaitTimeout, Tier: tier, After: TimeSpan.FromMinutes(minutes));

    /// <summary>
    /// Built afresh on every call, as a deserialized Configure argument is: equal by value, never
    /// the same arrays. Borrowing arms a wake-up per waiting ticket below the top tier.
    /// </summary>
    private static DeskSettings Settings(double l1Limit, double? borrowAfter = 5) => DeskSettings.Default with
    {
        Borrowing = new BorrowingSettings(borrowAfter is not null, TimeSpan.FromMinutes(borrowAfter ?? 5)),
        Escalation =
        [
            WaitTimeout("L1", l1Limit),
            WaitTimeout("L2", 60),
            new EscalationRule(EscalationRuleKind.Overflow, Tier: "L1", MaxQueueLength: 100),
        ],
    };

    /// <summary>Two tickets waiting at L1 (queued at 0 and 1 minutes), one at L2 (at 1 minute); no agents.</summary>
    private static DeskScheduler Desk(DeskSettings settings)
    {
        var desk = Create(settings);
        desk.Submit("a", T0);
        desk.Submit("b", Min(1));
        desk.Submit(Ticket("c") with { EntryTier = "L2" }, Min(1));
        return desk;
    }

    [Fact]
    public void Reconfiguring_with_unchanged_settings_again_and_again_adds_no_deadlines()
    {
        var desk = Desk(Settings(30));

        // Each ticket has its wait limit and its borrowing wake-up.
        Assert.Equal(6, desk.PendingDeadlines);
        var before = desk.Snapshot(Min(2), _tickets, _agents);

        for (var i = 0; i < 20; i++)
        {
            desk.Reconfigure(Settings(30), now: Min(2));
            desk.Reconfigure(Settings(30));
        }

        Assert.Equal(6, desk.PendingDeadlines);
        Assert.Equal(before, desk.Snapshot(Min(2), _tickets, _agents));

        // And the deadlines that are there still do their work, each once.
        var fired = desk.AdvanceTo(Min(31));
        Assert.Equal([("a", Min(30)), ("b", Min(31))], fired.Select(f => (f.TicketId, f.At)));
        Assert.Equal(2, desk.Escalations);
        desk.CheckInvariants();
    }

    [Fact]
    public void Settings_that_change_only_what_no_deadline_depends_on_add_no_deadlines()
    {
        var desk = Desk(Settings(30));

        desk.Reconfigure(Settings(30) with { AgingStep = null, Selection = AgentSelection.RoundRobin, MaxOpenTickets = 50, ReservationTimeout = TimeSpan.FromMinutes(2) }, now: Min(2));

        Assert.Equal(6, desk.PendingDeadlines);
    }

    [Fact]
    public void Deadlines_move_when_a_reconfigure_changes_the_wait_limits_and_repeats_of_it_add_nothing()
    {
        var desk = Desk(Settings(30));

        // Shorter at L1: due from when each ticket was queued, so at 10 and 11 minutes.
        desk.Reconfigure(Settings(10), now: Min(3));
        var afterChange = desk.PendingDeadlines;
        Assert.True(afterChange > 6, $"a changed limit arms new deadlines; {afterChange} pending");
        for (var i = 0; i < 20; i++)
        {
            desk.Reconfigure(Settings(10), now: Min(4));
        }

        Assert.Equal(afterChange, desk.PendingDeadlines);

        Assert.Empty(desk.AdvanceTo(Min(10) - TimeSpan.FromTicks(1)));
        var l1 = desk.AdvanceTo(Min(11));
        Assert.Equal([("a", "L1", "L2", Min(10)), ("b", "L1", "L2", Min(11))], l1.Select(f => (f.TicketId, f.FromTier, f.ToTier, f.At)));

        // L2's limit was not changed: "c" still goes at 1 + 60 minutes, "a" and "b" 60 minutes after they arrived there.
        var l2 = desk.AdvanceTo(Min(200));
        Assert.Equal([("c", Min(61)), ("a", Min(70)), ("b", Min(71))], l2.Select(f => (f.TicketId, f.At)));
        Assert.All(l2, f => Assert.Equal(("L2", "L3"), (f.FromTier, f.ToTier)));
        Assert.Equal(5, desk.Escalations);
        Assert.Empty(desk.AdvanceTo(Min(1000)));
        desk.CheckInvariants();
    }

    [Fact]
    public void A_wait_limit_lengthened_by_a_reconfigure_fires_at_the_new_limit_only()
    {
        var desk = Desk(Settings(10));

        desk.Reconfigure(Settings(45), now: Min(2));
        desk.Reconfigure(Settings(45), now: Min(3));

        Assert.Empty(desk.AdvanceTo(Min(45) - TimeSpan.FromTicks(1)));
        Assert.Equal([("a", Min(45)), ("b", Min(46))], desk.AdvanceTo(Min(46)).Select(f => (f.TicketId, f.At)));
        desk.CheckInvariants();
    }

    [Fact]
    public void Turning_borrowing_off_and_on_again_arms_its_wake_ups_again()
    {
        var desk = Desk(Settings(30));
        Assert.Equal(Min(5), desk.NextDeadline);

        desk.Reconfigure(Settings(30, borrowAfter: null), now: Min(2));
        desk.Reconfigure(Settings(30, borrowAfter: 8), now: Min(3));

        // The old 5-minute wake-ups fire and change nothing; the new ones are at 8 and 9.
        Assert.Empty(desk.AdvanceTo(Min(7)));
        Assert.Equal(Min(8), desk.NextDeadline);
    }

    [Fact]
    public void Going_back_from_a_plugged_in_policy_to_the_same_settings_arms_the_settings_limits_again()
    {
        var desk = Desk(Settings(30));

        // A plugged-in policy with a longer L1 limit: the 30-minute deadlines fire, are judged
        // under it, and move to 60.
        desk.Reconfigure(Settings(30), new RuleBasedEscalationPolicy(Settings(60)), now: Min(2));
        Assert.Empty(desk.AdvanceTo(Min(31)));

        // Back to the settings' own rules, which did not change: the 30-minute limit has passed,
        // so both tickets are due now, not at 60.
        desk.Reconfigure(Settings(30), now: Min(32));
        var fired = desk.AdvanceTo(Min(32));
        Assert.Equal([("a", Min(32)), ("b", Min(32))], fired.Select(f => (f.TicketId, f.At)).OrderBy(f => f.TicketId));
        desk.CheckInvariants();
    }

    [Fact]
    public void Rules_added_by_a_reconfigure_apply_to_tickets_that_name_no_entry_tier()
    {
        // Built without rules, a desk admits plain tickets without asking its policy; once rules
        // arrive, that shortcut must end with them.
        var desk = Create(DeskSettings.Default);
        desk.Reconfigure(DeskSettings.Default with { Escalation = [new EscalationRule(EscalationRuleKind.SeverityBypass, Priority: Priority.P1, EntryTier: "L3")] }, now: T0);

        var placement = desk.Submit(new TicketSpec("p1", desk.DeskId, Priority.P1, []), T0);

        Assert.Equal("L3", placement.Tier);
    }
}
