using System.Collections.Immutable;
using SupportQueue.Core.Planning;
using SupportQueue.Core.Queueing;
using SupportQueue.Core.Simulation;
using SupportQueue.Core.Tests.Simulation;
using Xunit.Abstractions;

namespace SupportQueue.Core.Tests.Planning;

/// <summary>
/// Issue 13's stationary check with impatient customers: M/M/N+M (exponential patience), where
/// Erlang A is exact, so the simulated requirement must land on it in every interval within one agent.
/// </summary>
public class IterativeStaffingErlangATests(ITestOutputHelper output)
{
    [Fact]
    public void Stationary_single_tier_with_exponential_patience_simulated_requirement_equals_erlang_a_within_one_agent()
    {
        // 2 tickets a minute, AHT 5 min (10 Erlangs), mean patience 3 min, 80 % answered within 1 minute
        // (an abandoner counts as a miss, as in Erlang A's service level).
        var scenario = Scenarios.MMc(perHalfHour: 60, ahtMinutes: 5, agents: 16, replications: 30, days: 0.5, patienceMinutes: 3, threshold: TimeSpan.FromMinutes(1))
            with { WarmUp = TimeSpan.FromHours(1) };
        var result = IterativeStaffing.Run(scenario, InProcess(scenario), new IterativeStaffingOptions(MaxIterations: 8));
        var erlangA = StaffingSolver.ErlangA(2.0, 5.0, 3.0, 1.0, 0.8).Agents;
        var erlangC = StaffingSolver.ErlangC(2.0, 5.0, 1.0, 0.8).Agents;
        output.WriteLine($"Erlang A {erlangA}, Erlang C {erlangC}; rounds {result.Iterations.Count}, converged {result.Converged}");
        output.WriteLine("simulated: " + string.Join(" ", result.Required[0].Skip(result.FirstCountedInterval)));

        // The case tells the two models apart, so landing on Erlang A is not landing on Erlang C by chance.
        Assert.True(erlangA < erlangC - 1, $"Erlang A {erlangA} vs Erlang C {erlangC}");
        Assert.True(result.Converged, result.StopReason);
        for (var t = result.FirstCountedInterval; t < scenario.IntervalCount; t++)
        {
            Assert.InRange(result.Required[0][t], erlangA - 1, erlangA + 1);
        }
    }

    private static Func<ImmutableDictionary<string, ImmutableArray<int>>?, IReadOnlyList<ReplicationResult>> InProcess(Scenario scenario) =>
        staffing => [.. Enumerable.Range(0, scenario.Replications)
            .Select(r => new SimulationRun(scenario, r, new SimulationOptions { StaffingOverride = staffing }).RunFast())];
}
