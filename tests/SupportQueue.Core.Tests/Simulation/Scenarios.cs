using System.Collections.Immutable;
using SupportQueue.Core.Demand;
using SupportQueue.Core.Model;
using SupportQueue.Core.Randomness;
using SupportQueue.Core.Simulation;

namespace SupportQueue.Core.Tests.Simulation;

/// <summary>Scenarios with known analytic answers.</summary>
internal static class Scenarios
{
    /// <summary>
    /// M/M/N on one tier: Poisson arrivals at <paramref name="perHalfHour"/> per 30 minutes,
    /// exponential handling with mean <paramref name="ahtMinutes"/>, N agents always on duty.
    /// </summary>
    public static Scenario MMc(double perHalfHour, double ahtMinutes, int agents, int replications = 10, double days = 2, double? patienceMinutes = null, TimeSpan? threshold = null) => new()
    {
        Name = "mmc",
        Horizon = TimeSpan.FromDays(days),
        WarmUp = TimeSpan.FromHours(2),
        Replications = replications,
        Seed = 20261127,
        Desk = DeskSettings.Default with { Tiers = [new TierSettings("L1")], AgingStep = null },
        Roster = new RosterSpec([new AgentGroupSpec("agent", "L1", agents)]),
        TicketClasses =
        [
            new TicketClassSpec("call", 1, Priority.P2, ImmutableDictionary<string, DistributionSpec>.Empty.Add("*", DistributionSpec.Exponential(ahtMinutes)),
                Patience: patienceMinutes is { } p ? DistributionSpec.Exponential(p) : null),
        ],
        Demand = new DemandProfile { BaseVolume = perHalfHour, IntervalMinutes = 30 },
        ServiceLevel = new ServiceLevelSpec(threshold ?? TimeSpan.FromSeconds(20)),
    };
}
