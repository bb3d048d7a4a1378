using SupportQueue.Core.Simulation;

namespace SupportQueue.Core.Comparison;

/// <summary>
/// What-if in virtual time: the same scenario (arrivals, roster, handling) run under each policy
/// on the same replications. Replication r draws from the same seeded streams whatever the desk
/// settings, so every policy sees the same tickets and the differences are paired.
/// </summary>
public static class PolicySimulation
{
    /// <summary>The scenario with the policy's desk settings in place of its own.</summary>
    public static Scenario WithPolicy(Scenario scenario, NamedPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(policy);
        return scenario with { Desk = policy.Desk };
    }

    /// <summary>One policy on one replication.</summary>
    public static PolicySample Sample(Scenario scenario, NamedPolicy policy, int replication)
    {
        var run = WithPolicy(scenario, policy);
        var result = new SimulationRun(run, replication).RunFast();
        return PolicySample.FromSimulation(policy.Name, (ulong)replication, run.Desk.Tiers.Select(t => t.Name), result.Totals);
    }

    /// <summary>
    /// Every policy on replications 0..n−1 of the scenario. Replications are independent and
    /// CPU-bound, so they run in parallel; the result does not depend on the order they finish.
    /// </summary>
    public static PolicyComparison Compare(Scenario scenario, IReadOnlyList<NamedPolicy> policies, int replications, double level = 0.95, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(policies);
        var jobs = policies.SelectMany(p => Enumerable.Range(0, replications).Select(r => (Policy: p, Replication: r))).ToArray();
        var samples = new PolicySample[jobs.Length];
        Parallel.For(0, jobs.Length, new ParallelOptions { CancellationToken = cancellationToken }, i =>
            samples[i] = Sample(scenario, jobs[i].Policy, jobs[i].Replication));
        return PolicyComparison.Compare([.. policies.Select(p => p.Name)], [.. policies[0].Desk.Tiers.Select(t => t.Name)], samples, level);
    }
}
