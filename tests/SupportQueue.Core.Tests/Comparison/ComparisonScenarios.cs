using System.Collections.Immutable;
using SupportQueue.Core.Comparison;
using SupportQueue.Core.Demand;
using SupportQueue.Core.Model;
using SupportQueue.Core.Randomness;
using SupportQueue.Core.Simulation;

namespace SupportQueue.Core.Tests.Comparison;

/// <summary>
/// A case built so one policy is clearly better: L1 is short of agents while L2 sits idle (L1
/// resolves everything). "borrow" lets L2 take L1 tickets after a minute, "strict" does not.
/// </summary>
internal static class ComparisonScenarios
{
    public static NamedPolicy Strict { get; } = new("strict", Desk(borrow: false));

    public static NamedPolicy Borrow { get; } = new("borrow", Desk(borrow: true));

    public static Scenario ShortL1(int replications = 4) => new()
    {
        Name = "short-l1",
        Horizon = TimeSpan.FromHours(16),
        WarmUp = TimeSpan.FromHours(1),
        Replications = replications,
        Seed = 42,
        Desk = Strict.Desk,
        Roster = new RosterSpec([new AgentGroupSpec("l1", "L1", 3), new AgentGroupSpec("l2", "L2", 3)]),
        TicketClasses =
        [
            new TicketClassSpec("call", 0.7, Priority.P2, ImmutableDictionary<string, DistributionSpec>.Empty.Add("*", DistributionSpec.Exponential(5)),
                Patience: DistributionSpec.Exponential(15)),
            new TicketClassSpec("urgent", 0.3, Priority.P1, ImmutableDictionary<string, DistributionSpec>.Empty.Add("*", DistributionSpec.Exponential(4)),
                Patience: DistributionSpec.Exponential(10)),
        ],
        Demand = new DemandProfile { BaseVolume = 20, IntervalMinutes = 30 },
        ServiceLevel = new ServiceLevelSpec(TimeSpan.FromMinutes(2)),
    };

    private static DeskSettings Desk(bool borrow) => DeskSettings.Default with
    {
        Tiers = [new TierSettings("L1"), new TierSettings("L2")],
        AgingStep = null,
        Borrowing = new BorrowingSettings(borrow, TimeSpan.FromMinutes(1)),
    };
}
