using System.Collections.Immutable;
using SupportQueue.Core.Demand;
using SupportQueue.Core.Model;
using SupportQueue.Core.Planning;
using SupportQueue.Core.Randomness;
using SupportQueue.Core.Simulation;

namespace SupportQueue.Scheduling.Tests.Planning;

/// <summary>Small scenarios and scheduling sections for the plan pipeline, and an in-process replication runner.</summary>
internal static class PlanScenarios
{
    /// <summary>Replications in process, in order: deterministic for a scenario and staffing.</summary>
    public static readonly ReplicationRunner InProcess = (scenario, staffing) =>
        [.. Enumerable.Range(0, scenario.Replications)
            .Select(r => new SimulationRun(scenario, r, new SimulationOptions { StaffingOverride = staffing }).RunFast())];

    /// <summary>
    /// One Monday, one tier, tickets 08:00–20:00 (a late-morning peak), AHT 15
    /// minutes exponential (<paramref name="baseVolume"/> × the intraday weight per half hour), 80 % answered within 10 minutes; <paramref name="shrinkage"/> of shifts
    /// are missed in the simulation.
    /// </summary>
    public static Scenario Day(double shrinkage = 0, int replications = 8, double baseVolume = 3) => new()
    {
        Name = "plan-day",
        Start = new DateTime(2026, 11, 23),
        Horizon = TimeSpan.FromDays(1),
        Replications = replications,
        Seed = 4242,
        Desk = DeskSettings.Default with { Tiers = [new TierSettings("L1")], AgingStep = null },
        Roster = new RosterSpec([new AgentGroupSpec("L1-team", "L1", 6, Shifts: [new ShiftSpec([], TimeSpan.FromHours(8), TimeSpan.FromHours(20))])], shrinkage),
        TicketClasses =
        [
            new TicketClassSpec("question", 1, Priority.P3, ImmutableDictionary<string, DistributionSpec>.Empty.Add("*", DistributionSpec.Exponential(15))),
        ],
        Demand = new DemandProfile
        {
            BaseVolume = baseVolume,
            IntervalMinutes = 30,
            Intraday = [0, 0, 0, 0, 0, 0, 0, 0, 1.2, 1.8, 2.2, 2.0, 1.6, 1.6, 1.8, 1.6, 1.4, 1.2, 1.0, 0.8, 0, 0, 0, 0],
        },
        ServiceLevel = new ServiceLevelSpec(TimeSpan.FromMinutes(10), 0.8),
    };

    /// <summary>Four- and eight-hour shifts starting on the hour 08:00–16:00, with a 30-minute unpaid break in the eight-hour one.</summary>
    public static SchedulingSpec Scheduling(double? plannerShrinkage = 0, int? cap = null, int verificationRounds = 4) => new()
    {
        Templates =
        [
            new ShiftTemplateSpec("full", "L1", [.. Enumerable.Range(8, 5).Select(h => TimeSpan.FromHours(h))], [TimeSpan.FromHours(8)], 20,
                Breaks: [new BreakRuleSpec(TimeSpan.FromMinutes(30), TimeSpan.FromHours(3), TimeSpan.FromHours(5))]),
            new ShiftTemplateSpec("part", "L1", [.. Enumerable.Range(8, 9).Select(h => TimeSpan.FromHours(h))], [TimeSpan.FromHours(4)], 24),
        ],
        HeadCountCaps = cap is { } c ? ImmutableDictionary<string, int>.Empty.Add("L1", c) : null,
        Shrinkage = plannerShrinkage,
        Solver = new PlanSolverSpec(TimeSpan.FromSeconds(10), Seed: 7, Workers: 1, RelativeGapLimit: 0),
        Requirements = new RequirementSpec(MaxRounds: 8),
        Verification = new VerificationSpec(Rounds: verificationRounds, Replications: 8),
    };
}
