using System.Collections.Immutable;
using SupportQueue.Core.Planning;
using SupportQueue.Core.Simulation;

namespace SupportQueue.Grains.Tests.PlanCli;

/// <summary>A small scenario with a scheduling section, and a hand-made plan of it for the output tests.</summary>
internal static class PlanScenarios
{
    /// <summary>Two tiers, one Monday 08:00–16:00 in 30-minute intervals, three replications per round.</summary>
    public const string Small = """
        {
          "name": "small plan",
          "start": "2026-11-23T08:00:00",
          "horizon": "08:00:00",
          "replications": 3,
          "seed": 11,
          "desk": { "tiers": [ { "name": "L1" }, { "name": "L2" } ] },
          "roster": {
            "shrinkage": 0.1,
            "groups": [ { "name": "l1", "tier": "L1", "count": 3 }, { "name": "l2", "tier": "L2", "count": 1 } ]
          },
          "ticketClasses": [
            { "name": "question", "share": 1, "priority": "P2",
              "handling": { "L1": { "kind": "exponential", "mean": 6 }, "*": { "kind": "exponential", "mean": 15 } },
              "resolve": { "L1": 0.8 } }
          ],
          "demand": { "baseVolume": 8, "intervalMinutes": 30 },
          "serviceLevel": { "threshold": "00:10:00", "target": 0.8 },
          "scheduling": {
            "templates": [
              { "name": "L1-full", "tier": "L1", "startTimes": [ "08:00:00" ], "lengths": [ "08:30:00" ], "costPerPaidHour": 20,
                "breaks": [ { "length": "00:30:00", "earliestStart": "03:00:00", "latestStart": "04:30:00" } ] },
              { "name": "L1-part", "tier": "L1", "startTimes": [ "08:00:00", "09:00:00", "10:00:00", "11:00:00", "12:00:00" ], "lengths": [ "04:00:00" ], "costPerPaidHour": 22 },
              { "name": "L2-full", "tier": "L2", "startTimes": [ "08:00:00" ], "lengths": [ "08:00:00" ], "costPerPaidHour": 30 }
            ],
            "solver": { "timeLimit": "00:00:10" },
            "requirements": { "maxRounds": 4 },
            "verification": { "rounds": 1 }
          }
        }
        """;

    public static PlanRequest Request => Json.ScenarioPlanJson.Read(Small).Value!;

    /// <summary>A plausible finished plan of <see cref="Small"/>, made by hand: L1 needs 3 then 4 agents, L2 one; one L1 interval still misses under a cap.</summary>
    public static PlanResult Result()
    {
        var request = Request;
        var scenario = request.Scenario;
        string[] tiers = ["L1", "L2"];
        var rows = ImmutableArray.CreateBuilder<PlanIntervalRow>();
        for (var t = 0; t < tiers.Length; t++)
        {
            for (var i = 0; i < 16; i++)
            {
                var need = t == 0 ? (i is >= 4 and < 10 ? 4 : 3) : 1;
                var scheduled = t == 0 ? (i is 9 ? 3.0 : need + 0.5) : 1.0;
                var verdict = t == 0 && i == 9 ? IntervalVerdict.Missed : IntervalVerdict.Met;
                rows.Add(new PlanIntervalRow(tiers[t], i, scenario.Start.AddMinutes(30 * i), true, 0.8, t == 0 ? 8 : 2,
                    need + 1, need, 0, (int)Math.Ceiling(need / 0.9), scheduled, verdict == IntervalVerdict.Missed ? 0.6 : 0.9, 0.05, verdict));
            }
        }

        var day = DateOnly.FromDateTime(scenario.Start);
        PlanRosterLine Line(string tier, string group, string template, int startHour, double hours, int heads, double rate, params PlanBreak[] breaks) =>
            new(tier, group, template, day, scenario.Start.Date.AddHours(startHour), scenario.Start.Date.AddHours(startHour + hours), [.. breaks], heads,
                heads * (hours - breaks.Where(b => !b.Paid).Sum(b => b.Length.TotalHours)), heads * rate * (hours - breaks.Where(b => !b.Paid).Sum(b => b.Length.TotalHours)));
        ImmutableArray<PlanRosterLine> roster =
        [
            Line("L1", "l1", "L1-full", 8, 8.5, 3, 20, new PlanBreak(TimeSpan.FromHours(4), TimeSpan.FromMinutes(30), false)),
            Line("L1", "l1", "L1-part", 10, 4, 2, 22),
            Line("L2", "l2", "L2-full", 8, 8, 1, 30),
        ];
        var solve = new PlanSolve("Optimal", PlanCoverage.Auto, 896, 896, 0, TimeSpan.FromSeconds(0.4), 1, [new PlanSolvePhase("L1", "cost", "Optimal", 656, 656, 0, TimeSpan.FromSeconds(0.2))]);
        var erlangSolve = solve with { Objective = 1016, Bound = 1016 };
        return new PlanResult(
            scenario with { Seed = 1011 },
            [.. tiers],
            TierTarget.For(scenario),
            30,
            0,
            0.1,
            rows.ToImmutable(),
            roster,
            new PlanRosterTotals(roster.Sum(l => l.PaidHours), roster.Sum(l => l.Cost), solve),
            new PlanRosterTotals(38, 1016, erlangSolve),
            new PlanRequirementRun(3, true, [2, 1], 0, 3, "no interval moved by more than one agent"),
            [new PlanVerificationRound(0, 1011, 3, 32, 31, 1, 0, 36.5, 896, 0)],
            [new PlanMiss("L1", 9, scenario.Start.AddMinutes(270), 0.6, 0.05, 0.8, 1, MissReason.CapBinding, "cap binding: 1.0 agent short")],
            [new PlanPhaseTime(PlanPhase.Requirements, TimeSpan.FromSeconds(2)), new PlanPhaseTime(PlanPhase.Roster, TimeSpan.FromSeconds(0.4))],
            TimeSpan.FromSeconds(3));
    }
}
