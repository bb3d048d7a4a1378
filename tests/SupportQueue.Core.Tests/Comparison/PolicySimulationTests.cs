using SupportQueue.Core.Comparison;
using SupportQueue.Core.Simulation;

namespace SupportQueue.Core.Tests.Comparison;

public sealed class PolicySimulationTests
{
    [Fact]
    public void Same_replication_gives_every_policy_the_same_tickets()
    {
        var scenario = ComparisonScenarios.ShortL1();
        var options = new SimulationOptions { RecordOutcomes = true };

        var strict = new SimulationRun(PolicySimulation.WithPolicy(scenario, ComparisonScenarios.Strict), 1, options).RunFast().Outcomes;
        var borrow = new SimulationRun(PolicySimulation.WithPolicy(scenario, ComparisonScenarios.Borrow), 1, options).RunFast().Outcomes;

        Assert.True(strict.Length > 300);
        Assert.Equal(strict.Length, borrow.Length);
        var byId = borrow.ToDictionary(o => o.TicketId, StringComparer.Ordinal);
        foreach (var ticket in strict)
        {
            var other = byId[ticket.TicketId];
            Assert.Equal((ticket.Class, ticket.Priority, ticket.CreatedMinutes), (other.Class, other.Priority, other.CreatedMinutes));
        }

        // The stream is the same, the service is not: the policies did treat the tickets differently.
        Assert.Contains(strict, t => byId[t.TicketId].Path != t.Path || byId[t.TicketId].Ending != t.Ending);
    }

    [Fact]
    public void Borrowing_idle_L2_clearly_raises_L1_service_level()
    {
        var comparison = PolicySimulation.Compare(ComparisonScenarios.ShortL1(), [ComparisonScenarios.Strict, ComparisonScenarios.Borrow], replications: 4);

        Assert.Equal([0UL, 1, 2, 3], comparison.Seeds.ToArray());
        Assert.Equal(1, comparison.Direction("L1", "service_level", "borrow"));
        Assert.Equal(-1, comparison.Direction("L1", "abandonment", "borrow"));
        Assert.StartsWith("borrow raises L1 service level by", comparison.Verdict("borrow"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_comparison_is_deterministic()
    {
        var a = PolicySimulation.Compare(ComparisonScenarios.ShortL1(3), [ComparisonScenarios.Strict, ComparisonScenarios.Borrow], replications: 3);
        var b = PolicySimulation.Compare(ComparisonScenarios.ShortL1(3), [ComparisonScenarios.Strict, ComparisonScenarios.Borrow], replications: 3);
        static string Text(PolicyComparison c) => string.Join('\n', c.Rows.Select(r =>
            FormattableString.Invariant($"{r.Tier} {r.Metric.Key} {r.Policy} {r.Value.Mean:R} {r.Value.HalfWidth:R} {r.Difference?.Mean:R} {r.Difference?.HalfWidth:R}")));
        Assert.Equal(Text(a), Text(b));
        Assert.Equal(a.Verdicts().ToArray(), b.Verdicts().ToArray());
    }
}
