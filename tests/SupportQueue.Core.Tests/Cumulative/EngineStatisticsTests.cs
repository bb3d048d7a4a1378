using SupportQueue.Core.Cumulative;
using SupportQueue.Core.Model;
using SupportQueue.Core.Routing;
using SupportQueue.Core.Tests.Routing;
using static SupportQueue.Core.Tests.Routing.TestDesk;

namespace SupportQueue.Core.Tests.Cumulative;

/// <summary>The desk engine feeds its statistics where tickets enter, get their first response and are abandoned.</summary>
public class EngineStatisticsTests
{
    [Fact]
    public void The_engine_counts_offers_first_responses_and_abandons_once_each()
    {
        var statistics = new DeskStatistics();
        var settings = DeskSettings.Default with
        {
            Sla = [new SlaTarget(Priority.P2, TimeSpan.FromMinutes(1), TimeSpan.FromHours(8))],
            Escalation = [new EscalationRule(EscalationRuleKind.SeverityBypass, Priority: Priority.P1, EntryTier: "L2")],
        };
        var desk = new DeskScheduler(DeskId, settings, options: new DeskSchedulerOptions { Statistics = statistics });
        desk.AddAgent("a1", T0);
        desk.AddAgent("b1", T0, tier: "L2");

        desk.Submit("t1", T0, Priority.P2);
        desk.Submit("t2", T0, Priority.P2);
        desk.Submit("t3", T0, Priority.P2);
        desk.Submit("p1", T0, Priority.P1);
        desk.Assign(Sec(30));   // t1 answered within a minute
        desk.Assign(Sec(30));   // p1 at L2
        desk.Abandon("t3", Min(2));

        // A resolved and reopened ticket is neither offered nor answered again.
        desk.Resolve("t1", "a1", Min(3));
        desk.Reopen(Ticket("t1", Priority.P2), Min(3));
        desk.Resolve("p1", "b1", Min(4));
        desk.Assign(Min(5));    // t2, after five minutes: a miss

        var report = statistics.Report(Min(6), [.. settings.Tiers.Select(t => t.Name)], settings.ServiceLevelTarget);
        var l1 = report.Today.Tiers.Single(t => t.Tier == "L1");
        var l2 = report.Today.Tiers.Single(t => t.Tier == "L2");
        Assert.Equal((3L, 2L, 1L, 1L), (l1.Offered, l1.Answered, l1.AnsweredWithinTarget, l1.Abandoned));
        Assert.Equal((1L, 1L, 1L, 0L), (l2.Offered, l2.Answered, l2.AnsweredWithinTarget, l2.Abandoned));
        Assert.Equal(TimeSpan.FromSeconds((30 + 300) / 2.0), l1.AverageSpeedOfAnswer);
        Assert.Equal(1.0 / 3, l1.ServiceLevel);
        Assert.Equal(0.8, report.ServiceLevelTarget);
    }
}
