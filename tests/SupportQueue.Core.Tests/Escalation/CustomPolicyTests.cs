using SupportQueue.Core.Escalation;
using SupportQueue.Core.Model;
using SupportQueue.Core.Routing;
using static SupportQueue.Core.Tests.Routing.TestDesk;

namespace SupportQueue.Core.Tests.Escalation;

public class CustomPolicyTests
{
    /// <summary>
    /// A policy unlike the rule-based one: "vip" tickets start at the top, everything else may
    /// wait one minute per tier, and an agent's escalation goes straight to the top.
    /// It records what the desk asked so the tests can see the desk consults it.
    /// </summary>
    private sealed class VipPolicy : IEscalationPolicy
    {
        public List<string> Calls { get; } = [];

        public TierDecision EntryTier(TicketView ticket, IDeskView desk)
        {
            Calls.Add($"entry {ticket.TicketId}");
            return ticket.Skills.Contains("vip") ? new TierDecision(desk.Settings.TierCount - 1, "vip") : new TierDecision(0, null);
        }

        public TierDecision Redirect(TicketView ticket, int tier, IDeskView desk)
        {
            Calls.Add($"redirect {ticket.TicketId} {tier}");
            return new TierDecision(tier, null);
        }

        public TimeSpan? WaitLimit(TicketView ticket, int tier, IDeskView desk) =>
            tier < desk.Settings.TierCount - 1 ? TimeSpan.FromMinutes(1) : null;

        public int EscalationTarget(TicketView ticket, int fromTier, IDeskView desk) =>
            fromTier < desk.Settings.TierCount - 1 ? desk.Settings.TierCount - 1 : -1;
    }

    [Fact]
    public void The_desk_uses_the_plugged_in_policy_for_entry()
    {
        var policy = new VipPolicy();
        var desk = Create(policy: policy);

        Assert.Equal(new Placement("vip", "L3", "vip"), desk.Submit("vip", T0, Priority.P4, "vip"));
        Assert.Equal(new Placement("plain", "L1", null), desk.Submit("plain", T0, Priority.P1));
        Assert.Equal(["entry vip", "redirect vip 2", "entry plain", "redirect plain 0"], policy.Calls);
    }

    [Fact]
    public void The_desk_arms_the_policys_wait_limit_and_escalates_to_its_target()
    {
        var desk = Create(policy: new VipPolicy());
        desk.Submit("t", T0);

        Assert.Empty(desk.AdvanceTo(Sec(59)));
        var action = Assert.Single(desk.AdvanceTo(Min(5)));

        // Straight from L1 to L3 at one minute; L3 has no limit, so nothing more.
        Assert.Equal(("L1", "L3", Min(1)), (action.FromTier, action.ToTier, action.At));
        Assert.Null(desk.NextDeadline);
    }

    [Fact]
    public void Agent_escalation_follows_the_policys_target_and_its_notion_of_the_top()
    {
        var desk = Create(policy: new VipPolicy());
        desk.AddAgent("l1", T0);
        desk.AddAgent("l3", T0, tier: "L3");
        desk.Submit("t", T0);
        desk.Assign(Sec(10));

        Assert.Equal("L3", desk.Escalate("t", "l1", "needs a specialist", Sec(20)).Tier);
        desk.Assign(Sec(30));
        desk.AssertRefusedUnchanged(RefusalCode.NoHigherTier, Sec(40), ["t"], ["l1", "l3"], () => desk.Escalate("t", "l3", "again", Sec(40)));
    }

    [Fact]
    public void The_rule_based_policy_is_only_the_default()
    {
        // The settings ask for a severity bypass, but the plugged-in policy ignores the rules.
        var settings = DeskSettings.Default with { Escalation = [new EscalationRule(EscalationRuleKind.SeverityBypass, Priority: Priority.P1, EntryTier: "L2")] };

        Assert.Equal("L2", Create(settings).Submit("t", T0, Priority.P1).Tier);
        Assert.Equal("L1", Create(settings, new VipPolicy()).Submit("t", T0, Priority.P1).Tier);
    }

    [Fact]
    public void The_desk_view_given_to_a_policy_reflects_the_desk_at_decision_time()
    {
        var seen = new List<(int Length, TimeSpan Wait, bool Skills)>();
        var desk = Create(policy: new ProbePolicy(seen));
        desk.AddAgent("a", T0, skills: [Skill("db")]);
        desk.Submit("t1", T0);
        desk.Submit("t2", T0);

        Assert.Equal([(0, TimeSpan.Zero, true), (1, TimeSpan.FromMinutes(10), true)], seen);
    }

    [Fact]
    public void A_policy_choosing_a_tier_the_desk_does_not_have_is_refused_without_a_trace()
    {
        var broken = new ScriptedPolicy { Entry = 3 };
        var desk = Create(policy: broken);
        desk.AddAgent("a", T0);

        var before = desk.Snapshot(T0, ["t"], ["a"]);
        var ex = Assert.Throws<InvalidOperationException>(() => desk.Submit("t", T0));
        Assert.Contains("EntryTier chose tier 3", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, desk.Snapshot(T0, ["t"], ["a"]));
        desk.CheckInvariants();

        // Not even a sequence number was used: offers match a desk that never saw the refusal.
        broken.Entry = 0;
        var clean = Create(policy: new ScriptedPolicy());
        clean.AddAgent("a", T0);
        foreach (var d in new[] { desk, clean })
        {
            d.Submit("t", Min(1));
        }

        Assert.Equal(clean.NextOffer(Min(2)), desk.NextOffer(Min(2)));
    }

    [Fact]
    public void A_policy_redirecting_downwards_is_refused()
    {
        var desk = Create(policy: new ScriptedPolicy { Entry = 1, RedirectTo = 0 });

        var ex = Assert.Throws<InvalidOperationException>(() => desk.Submit("t", T0));
        Assert.Contains("Redirect chose tier 0", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, desk.OpenTickets);
        desk.CheckInvariants();
    }

    [Fact]
    public void A_policy_escalating_sideways_is_refused_and_the_agent_keeps_the_ticket()
    {
        var desk = Create(policy: new ScriptedPolicy { Target = 0 });
        desk.AddAgent("a", T0);
        desk.Submit("t", T0);
        desk.Assign(Min(1));

        var before = desk.Snapshot(Min(2), ["t"], ["a"]);
        Assert.Throws<InvalidOperationException>(() => desk.Escalate("t", "a", "help", Min(2)));
        Assert.Equal(before, desk.Snapshot(Min(2), ["t"], ["a"]));
        Assert.Equal((DeskTicketState.Assigned, "L1", "a"), desk.Where("t"));
    }

    [Fact]
    public void A_policy_escalating_a_waiting_ticket_sideways_is_refused_and_the_deadline_kept()
    {
        var policy = new ScriptedPolicy { Target = 0, Limit = TimeSpan.FromMinutes(5) };
        var desk = Create(policy: policy);
        desk.Submit("t", T0);

        Assert.Throws<InvalidOperationException>(() => desk.AdvanceTo(Min(10)));
        Assert.Equal((DeskTicketState.Queued, "L1"), (desk.Where("t").State, desk.Where("t").Tier));
        desk.CheckInvariants();

        policy.Target = 1;
        var action = Assert.Single(desk.AdvanceTo(Min(10)));
        Assert.Equal(("L2", Min(5)), (action.ToTier, action.At));
    }

    /// <summary>Answers whatever the test sets, including answers the desk must not accept.</summary>
    private sealed class ScriptedPolicy : IEscalationPolicy
    {
        public int Entry { get; set; }

        public int? RedirectTo { get; set; }

        public int Target { get; set; } = 1;

        public TimeSpan? Limit { get; set; }

        public TierDecision EntryTier(TicketView ticket, IDeskView desk) => new(Entry, null);

        public TierDecision Redirect(TicketView ticket, int tier, IDeskView desk) => new(RedirectTo ?? tier, null);

        public TimeSpan? WaitLimit(TicketView ticket, int tier, IDeskView desk) => tier == 0 ? Limit : null;

        public int EscalationTarget(TicketView ticket, int fromTier, IDeskView desk) => Target;
    }

    private sealed class ProbePolicy(List<(int, TimeSpan, bool)> seen) : IEscalationPolicy
    {
        public TierDecision EntryTier(TicketView ticket, IDeskView desk)
        {
            seen.Add((desk.QueueLength(0), desk.ExpectedWait(0), desk.TierHasSkills(0, ["db"])));
            return new TierDecision(0, null);
        }

        public TierDecision Redirect(TicketView ticket, int tier, IDeskView desk) => new(tier, null);

        public TimeSpan? WaitLimit(TicketView ticket, int tier, IDeskView desk) => null;

        public int EscalationTarget(TicketView ticket, int fromTier, IDeskView desk) => -1;
    }
}
