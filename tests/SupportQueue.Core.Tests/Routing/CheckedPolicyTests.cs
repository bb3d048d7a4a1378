using SupportQueue.Core.Escalation;
using SupportQueue.Core.Model;
using SupportQueue.Core.Routing;

namespace SupportQueue.Core.Tests.Routing;

/// <summary>The desk takes shortcuts only where the policy declares it may.</summary>
public class CheckedPolicyTests
{
    private sealed class Plugged : IEscalationPolicy
    {
        public TierDecision EntryTier(TicketView ticket, IDeskView desk) => new(0, null);

        public TierDecision Redirect(TicketView ticket, int tier, IDeskView desk) => new(tier, null);

        public TimeSpan? WaitLimit(TicketView ticket, int tier, IDeskView desk) => null;

        public int EscalationTarget(TicketView ticket, int fromTier, IDeskView desk) => 7;
    }

    [Fact]
    public void Rules_without_rules_take_every_shortcut()
    {
        var policy = new CheckedPolicy(DeskSettings.Default with { Escalation = [] }, null);
        Assert.Equal((true, false, true), (policy.FromSettings, policy.ArmsDeadlines, policy.PlainEntry));
    }

    [Fact]
    public void A_wait_timeout_rule_or_borrowing_with_a_minimum_wait_arms_deadlines()
    {
        var waitRule = DeskSettings.Default with { Escalation = [new EscalationRule(EscalationRuleKind.WaitTimeout, "L1", TimeSpan.FromMinutes(5))] };
        var borrowing = DeskSettings.Default with { Escalation = [], Borrowing = new BorrowingSettings(true, TimeSpan.FromMinutes(1)) };

        Assert.True(new CheckedPolicy(waitRule, null).ArmsDeadlines);
        Assert.False(new CheckedPolicy(waitRule, null).PlainEntry);
        Assert.True(new CheckedPolicy(borrowing, null).ArmsDeadlines);
    }

    [Fact]
    public void A_plugged_in_policy_that_declares_nothing_gets_no_shortcut()
    {
        var policy = new CheckedPolicy(DeskSettings.Default, new Plugged());
        Assert.Equal((false, true, false), (policy.FromSettings, policy.ArmsDeadlines, policy.PlainEntry));
    }

    [Fact]
    public void An_answer_outside_the_desks_tiers_is_refused_naming_the_policy()
    {
        var policy = new CheckedPolicy(DeskSettings.Default, new Plugged());
        Assert.True(policy.IsTier(2, 1));
        Assert.False(policy.IsTier(3, 1));
        var ex = Assert.Throws<InvalidOperationException>(() => policy.Check(7, 1, "EscalationTarget"));
        Assert.Contains("Plugged", ex.Message, StringComparison.Ordinal);
        Assert.Contains("chose tier 7, expected 1 to 2", ex.Message, StringComparison.Ordinal);
    }
}
