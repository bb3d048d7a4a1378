using SupportQueue.Core.Model;
using SupportQueue.Core.Simulation;
using SupportQueue.Core.Tests.Simulation;

namespace SupportQueue.Core.Tests.Hardening;

/// <summary>
/// Issue 11 defect 4: work is estimated before a run and refused above a budget, naming the fields
/// that drive it; a cancelled run stops in its event loop, not at the next percent of virtual time.
/// </summary>
public class WorkBudgetTests
{
    [Fact]
    public void No_agents_and_an_unlimited_desk_over_sixty_days_are_refused_for_memory()
    {
        var baseline = Scenarios.MMc(2000, 3, 1, replications: 4, days: 60);
        var scenario = baseline with
        {
            Desk = baseline.Desk with { MaxOpenTickets = int.MaxValue },
            Roster = new RosterSpec([new AgentGroupSpec("none", "L1", 0)]),
        };
        Assert.Empty(scenario.Validate());

        var errors = WorkEstimate.Of(scenario, concurrent: 4).Check(WorkBudget.Default);

        Assert.Contains(errors, e => e.StartsWith("$.desk.maxOpenTickets", StringComparison.Ordinal) && e.Contains("--max-memory-mb", StringComparison.Ordinal));
    }

    [Fact]
    public void A_hundred_groups_of_a_hundred_thousand_agents_are_refused_for_memory()
    {
        var baseline = Scenarios.MMc(10, 3, 1, replications: 1, days: 1);
        var groups = Enumerable.Range(0, 100).Select(g => new AgentGroupSpec($"g{g}", "L1", 100_000, Capacity: 1000));
        var scenario = baseline with { Roster = new RosterSpec([.. groups]) };
        Assert.Empty(scenario.Validate());

        var errors = WorkEstimate.Of(scenario, concurrent: 1).Check(WorkBudget.Default);

        Assert.Contains(errors, e => e.Contains("$.roster.groups[*].count × capacity", StringComparison.Ordinal));
    }

    [Fact]
    public void Ten_thousand_long_replications_are_refused_for_events_unless_the_budget_is_raised()
    {
        var scenario = Scenarios.MMc(1000, 3, 120, replications: 10_000, days: 399);

        var estimate = WorkEstimate.Of(scenario, concurrent: 4);

        Assert.Contains(estimate.Check(WorkBudget.Default), e => e.StartsWith("$.replications × $.horizon × $.demand", StringComparison.Ordinal));
        Assert.Empty(estimate.Check(new WorkBudget { MaxEvents = 1e15, MaxMemoryBytes = 1e15 }));
    }

    [Fact]
    public void The_shipped_kind_of_scenario_fits_the_default_budget()
    {
        Assert.Empty(WorkEstimate.Of(Scenarios.MMc(100, 3, 14), concurrent: 4).Check(WorkBudget.Default));
    }

    [Fact]
    public void A_cancelled_run_stops_within_a_few_hundred_events()
    {
        // Zero agents and a million tickets an interval: the first percent of virtual time alone
        // holds about a million events, and the loop used to look at the token only once per percent.
        var baseline = Scenarios.MMc(1_000_000, 3, 1, replications: 1, days: 1);
        var scenario = baseline with
        {
            Desk = baseline.Desk with { MaxOpenTickets = int.MaxValue },
            Roster = new RosterSpec([new AgentGroupSpec("none", "L1", 0)]),
        };
        using var cancel = new CancellationTokenSource();
        var driver = new CountingDriver(new EngineDeskDriver(), after: 1000, cancel);

        Assert.ThrowsAny<OperationCanceledException>(() =>
            new SimulationRun(scenario, 0).RunAsync(driver, cancellationToken: cancel.Token).AsTask().GetAwaiter().GetResult());

        Assert.InRange(driver.Submits, 1000, 1000 + 600);
    }

    /// <summary>Passes every call on, counting submits, and cancels after <c>after</c> of them.</summary>
    private sealed class CountingDriver(IDeskDriver inner, int after, CancellationTokenSource cancel) : IDeskDriver
    {
        public int Submits { get; private set; }

        public ValueTask Configure(string deskId, DeskSettings settings, IReadOnlyList<AgentSpec> agents, DateTimeOffset at) => inner.Configure(deskId, settings, agents, at);

        public ValueTask<int> Submit(SimulatedTicket ticket, DateTimeOffset at)
        {
            if (++Submits == after)
            {
                cancel.Cancel();
            }

            return inner.Submit(ticket, at);
        }

        public ValueTask<int> Reopen(SimulatedTicket ticket, DateTimeOffset at) => inner.Reopen(ticket, at);

        public ValueTask SetPresence(int agent, Presence presence, DateTimeOffset at) => inner.SetPresence(agent, presence, at);

        public ValueTask Resolve(SimulatedTicket ticket, int agent, DateTimeOffset at) => inner.Resolve(ticket, agent, at);

        public ValueTask<int> Escalate(SimulatedTicket ticket, int agent, string reason, DateTimeOffset at) => inner.Escalate(ticket, agent, reason, at);

        public ValueTask Abandon(SimulatedTicket ticket, DateTimeOffset at) => inner.Abandon(ticket, at);

        public ValueTask<long> Settle(DateTimeOffset at, List<SettleEntry> journal) => inner.Settle(at, journal);
    }
}
