using SupportQueue.Core.Model;
using static SupportQueue.Core.Tests.Routing.TestDesk;

namespace SupportQueue.Core.Tests.Routing;

public class TierCountTests
{
    [Fact]
    public void A_two_tier_desk_escalates_once_and_then_has_no_higher_tier()
    {
        var settings = Settings("Front", "Back") with
        {
            Escalation = [new EscalationRule(EscalationRuleKind.WaitTimeout, Tier: "Front", After: TimeSpan.FromMinutes(3))],
        };
        var desk = Create(settings);
        desk.AddAgent("b", T0, tier: "Back", presence: Presence.Offline);
        desk.Submit("t", T0);

        var action = Assert.Single(desk.AdvanceTo(Min(100)));
        Assert.Equal(("Front", "Back", Min(3)), (action.FromTier, action.ToTier, action.At));

        desk.SetPresence("b", Presence.Available, Min(101));
        desk.Assign(Min(101));
        desk.AssertRefusedUnchanged(RefusalCode.NoHigherTier, Min(102), ["t"], ["b"], () => desk.Escalate("t", "b", "more", Min(102)));
        Assert.Equal(["Front", "Back"], desk.Status(Min(102)).Tiers.Select(t => t.Tier));
    }

    [Fact]
    public void A_five_tier_desk_uses_every_tier()
    {
        string[] names = ["T1", "T2", "T3", "T4", "T5"];
        var settings = Settings(names) with
        {
            Escalation =
            [
                .. names.Take(4).Select(n => new EscalationRule(EscalationRuleKind.WaitTimeout, Tier: n, After: TimeSpan.FromMinutes(2))),
                new EscalationRule(EscalationRuleKind.SeverityBypass, Priority: Priority.P1, EntryTier: "T4"),
            ],
        };
        var desk = Create(settings);

        desk.Submit("walker", T0);
        var walk = desk.AdvanceTo(Min(60));
        Assert.Equal([("T1", "T2", Min(2)), ("T2", "T3", Min(4)), ("T3", "T4", Min(6)), ("T4", "T5", Min(8))], walk.Select(a => (a.FromTier, a.ToTier, a.At)));

        Assert.Equal("T4", desk.Submit("urgent", Min(60), Priority.P1).Tier);

        desk.AddAgent("t2", Min(60), tier: "T2");
        desk.Submit("climber", Min(60));
        desk.RecordAssigned("climber", "t2", Min(60));
        Assert.Equal("T5", desk.Escalate("climber", "t2", "to the top", Min(61), toTier: "T5").Tier);

        var status = desk.Status(Min(61));
        Assert.Equal(names, status.Tiers.Select(t => t.Tier));
        Assert.Equal([0, 0, 0, 1, 2], status.Tiers.Select(t => t.Queued));
        desk.CheckInvariants();
    }
}
