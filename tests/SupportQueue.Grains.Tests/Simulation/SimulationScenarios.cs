using System.Collections.Immutable;
using SupportQueue.Core.Demand;
using SupportQueue.Core.Model;
using SupportQueue.Core.Randomness;
using SupportQueue.Core.Simulation;

namespace SupportQueue.Grains.Tests.Simulation;

internal static class SimulationScenarios
{
    private static ImmutableDictionary<string, DistributionSpec> Handling(double l1, double l2, double l3) =>
        ImmutableDictionary<string, DistributionSpec>.Empty
            .Add("L1", DistributionSpec.Exponential(l1))
            .Add("L2", DistributionSpec.Exponential(l2))
            .Add("L3", DistributionSpec.Exponential(l3));

    /// <summary>
    /// A day on a three-tier desk that touches every path the grains take: nights with no L1 or L2
    /// on duty (wait-timeout escalations), early and late L1 shifts that overlap and each break,
    /// L1 agents holding two tickets, probabilistic escalation, impatient customers, reopened
    /// tickets and L2 borrowing from L1. About 380 tickets.
    /// </summary>
    public static Scenario Desk(int replications = 1, ulong seed = 20261123) => new()
    {
        Name = "three-tier-day",
        Horizon = TimeSpan.FromDays(1),
        Replications = replications,
        Seed = seed,
        Desk = DeskSettings.Default with
        {
            Escalation =
            [
                new EscalationRule(EscalationRuleKind.WaitTimeout, Tier: "L1", After: TimeSpan.FromMinutes(20)),
                new EscalationRule(EscalationRuleKind.WaitTimeout, Tier: "L2", After: TimeSpan.FromMinutes(45)),
            ],
            Borrowing = new BorrowingSettings(true, TimeSpan.FromMinutes(10)),
        },
        Roster = new RosterSpec(
        [
            new AgentGroupSpec("early", "L1", 3, Capacity: 2, Shifts:
            [
                new ShiftSpec([], TimeSpan.FromHours(6), TimeSpan.FromHours(14), [new BreakSpec(TimeSpan.FromHours(3), TimeSpan.FromMinutes(30))]),
            ]),
            new AgentGroupSpec("late", "L1", 3, Capacity: 2, Shifts:
            [
                new ShiftSpec([], TimeSpan.FromHours(13), TimeSpan.FromHours(22), [new BreakSpec(TimeSpan.FromHours(4), TimeSpan.FromMinutes(45))]),
            ]),
            new AgentGroupSpec("second", "L2", 2, Shifts:
            [
                new ShiftSpec([], TimeSpan.FromHours(7), TimeSpan.FromHours(20), [new BreakSpec(TimeSpan.FromHours(5), TimeSpan.FromHours(1))]),
            ]),
            new AgentGroupSpec("third", "L3", 2),
        ]),
        TicketClasses =
        [
            new TicketClassSpec("standard", 0.8, Priority.P3, Handling(12, 25, 40),
                Resolve: ImmutableDictionary<string, double>.Empty.Add("L1", 0.7).Add("L2", 0.6),
                Patience: DistributionSpec.Exponential(60)),
            new TicketClassSpec("urgent", 0.2, Priority.P2, Handling(8, 20, 30),
                Resolve: ImmutableDictionary<string, double>.Empty.Add("L1", 0.5).Add("L2", 0.5),
                Patience: DistributionSpec.Exponential(30),
                Reopen: new ReopenSpec(0.15, DistributionSpec.Exponential(120))),
        ],
        Demand = new DemandProfile { BaseVolume = 4, IntervalMinutes = 15 },
        ServiceLevel = new ServiceLevelSpec(TimeSpan.FromMinutes(15)),
    };
}
