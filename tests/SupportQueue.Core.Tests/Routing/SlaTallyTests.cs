using SupportQueue.Core.Model;
using SupportQueue.Core.Routing;
using static SupportQueue.Core.Tests.Routing.TestDesk;

namespace SupportQueue.Core.Tests.Routing;

public class SlaTallyTests
{
    [Fact]
    public void A_target_reached_exactly_is_met_and_an_untracked_priority_counts_nothing()
    {
        var settings = DeskSettings.Default with { Sla = [new SlaTarget(Priority.P1, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(60))] };
        var tally = new SlaTally(settings);

        tally.FirstResponse(Priority.P1, T0, Min(5));
        tally.FirstResponse(Priority.P1, T0, Min(5) + TimeSpan.FromTicks(1));
        tally.Resolution(Priority.P1, T0, Min(61));
        tally.FirstResponse(Priority.P4, T0, Min(500));

        Assert.Equal(new SlaCounters(Priority.P1, 1, 1, 0, 1, 7), tally.Snapshot(Priority.P1, 7));
        Assert.Equal(new SlaCounters(Priority.P4, 0, 0, 0, 0, 0), tally.Snapshot(Priority.P4, 0));
    }
}
