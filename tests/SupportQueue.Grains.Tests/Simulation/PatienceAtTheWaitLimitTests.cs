using System.Collections.Immutable;
using SupportQueue.Core.Demand;
using SupportQueue.Core.Model;
using SupportQueue.Core.Randomness;
using SupportQueue.Core.Simulation;
using SupportQueue.Grains.Simulation;

namespace SupportQueue.Grains.Tests.Simulation;

/// <summary>
/// Customers whose patience runs out exactly when their tier's wait limit escalates them: the desk
/// reports the escalation in the same step as the abandonment, and grain mode must still give fast
/// mode's outcome for every ticket.
/// </summary>
public sealed class PatienceAtTheWaitLimitTests
{
    [Fact]
    public async Task An_escalation_due_as_the_customer_leaves_is_reported_for_a_ticket_grain_mode_still_knows()
    {
        var scenario = new Scenario
        {
            Name = "patience-equals-wait-limit",
            Horizon = TimeSpan.FromHours(8),
            Seed = 5,
            Desk = DeskSettings.Default with
            {
                Tiers = [new TierSettings("L1"), new TierSettings("L2")],
                Escalation = [new EscalationRule(EscalationRuleKind.WaitTimeout, Tier: "L1", After: TimeSpan.FromMinutes(10))],
            },
            Roster = new RosterSpec([new AgentGroupSpec("first", "L1", 1), new AgentGroupSpec("second", "L2", 1)]),
            TicketClasses =
            [
                new TicketClassSpec("call", 1, Priority.P3,
                    ImmutableDictionary<string, DistributionSpec>.Empty.Add("*", DistributionSpec.Exponential(30)),
                    Patience: DistributionSpec.Fixed(10)),
            ],
            Demand = new DemandProfile { BaseVolume = 15, IntervalMinutes = 15 },
            ServiceLevel = new ServiceLevelSpec(TimeSpan.FromMinutes(5)),
        };
        var options = new SimulationOptions { IdPrefix = GrainSimulation.IdPrefix(0), RecordOutcomes = true };
        var fast = new SimulationRun(scenario, 0, options).RunFast();

        var grains = await GrainSimulation.RunAsync(scenario, 0, options).WaitAsync(TimeSpan.FromMinutes(5));

        Assert.Contains(fast.Outcomes, o => o.Ending == "abandoned");
        Assert.Equal(fast.Outcomes.Length, grains.Outcomes.Length);
        for (var i = 0; i < fast.Outcomes.Length; i++)
        {
            Assert.Equal(fast.Outcomes[i], grains.Outcomes[i]);
        }

        Assert.Equal(fast.Events, grains.Events);
    }
}
