using System.Collections.Immutable;
using SupportQueue.Core.Demand;
using SupportQueue.Core.Model;
using SupportQueue.Core.Simulation;
using SupportQueue.LoadTests.Runner;

namespace SupportQueue.LoadTests.Scenarios;

/// <summary>
/// What the synthetic customers and agents do in a live run: a scenario (the format <c>simulate</c>
/// reads) replayed in compressed wall time. Its tickets and roster are drawn up front by the
/// simulator's own samplers (<see cref="ScenarioDraw"/>), so every policy run on the same
/// replication meets the very same tickets — arrival times, attributes, handling — ticket by ticket.
/// </summary>
public sealed class ScenarioWorkload
{
    private readonly IReadOnlyList<ScenarioTicket> _tickets;

    /// <param name="scenario">The scenario, its desk already the policy under test.</param>
    /// <param name="source">Where it came from, for the report.</param>
    /// <param name="replication">Which of the scenario's seeded streams (the simulator's replication).</param>
    /// <param name="compression">Simulated seconds per wall second.</param>
    /// <param name="during">Wall time replayed from the scenario's start (at most its horizon).</param>
    public ScenarioWorkload(Scenario scenario, string source, int replication, double compression, TimeSpan during)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        Scenario = scenario;
        Source = source;
        Replication = replication;
        TimeCompression = compression;
        During = during;
        SimulatedMinutes = Math.Min(scenario.HorizonMinutes, during.TotalMinutes * compression);
        TierNames = [.. scenario.Desk.Tiers.Select(t => t.Name)];
        _tickets = ScenarioDraw.Tickets(scenario, replication, SimulatedMinutes);
    }

    public Scenario Scenario { get; }

    public string Source { get; }

    public int Replication { get; }

    /// <summary>Simulated seconds per wall second; handling times, patience, shifts and desk deadlines are divided by it.</summary>
    public double TimeCompression { get; }

    /// <summary>Wall time of the replayed stretch.</summary>
    public TimeSpan During { get; }

    /// <summary>Simulated minutes replayed from the scenario's start.</summary>
    public double SimulatedMinutes { get; }

    public ImmutableArray<string> TierNames { get; }

    /// <summary>The customers, in arrival order; arrival k submits ticket k.</summary>
    public IReadOnlyList<ScenarioTicket> Tickets => _tickets;

    /// <summary>A first assignment within this (simulated) counts towards the service level.</summary>
    public TimeSpan ServiceLevelTarget => Scenario.ServiceLevel.Threshold;

    /// <summary>Expected arrivals per simulated second over the scenario's horizon.</summary>
    public static double MeanArrivalsPerSecond(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var rate = new RateFunction(scenario.Demand, scenario.Start, scenario.HorizonMinutes);
        return rate.TotalExpected / (scenario.HorizonMinutes * 60);
    }

    public DeskSettings DeskSettings() => Scenario.Desk;

    public TimeSpan ToWall(TimeSpan simulated) => TimeSpan.FromTicks((long)(simulated.Ticks / TimeCompression));

    public TimeSpan ToWall(double simulatedMinutes) => ToWall(TimeSpan.FromMinutes(simulatedMinutes));

    /// <summary>The customers' open-model schedule: arrival k at ticket k's compressed arrival time.</summary>
    public LoadSimulation Arrivals() => Simulation.Replay([.. _tickets.Select(t => Min(ToWall(t.ArrivalMinutes), During))], During);

    /// <summary>The rostered agents and their shift and break changes, for a desk and run.</summary>
    public (IReadOnlyList<AgentSpec> Agents, IReadOnlyList<PresenceChange> Changes) Roster(string deskId, string runTag) =>
        ScenarioDraw.Roster(Scenario, Replication, runTag + "-", deskId, SimulatedMinutes);

    public TicketSpec Ticket(string deskId, string ticketId, long number)
    {
        var t = _tickets[(int)number];
        return new TicketSpec(ticketId, deskId, t.Priority, t.Skills, t.EntryTier, Subject: t.ClassName);
    }

    /// <summary>How long an agent of tier <paramref name="tierIndex"/> works the ticket (wall) and whether it escalates afterwards.</summary>
    public (TimeSpan Wall, bool Escalate) Handling(long number, int tierIndex)
    {
        var t = _tickets[(int)number];
        return (ToWall(t.HandlingMinutes[tierIndex]), !t.ResolvesAt[tierIndex]);
    }

    /// <summary>Wall time this ticket's customer waits for a first answer before leaving; null: never.</summary>
    public TimeSpan? Patience(long number)
    {
        var minutes = _tickets[(int)number].PatienceMinutes;
        return double.IsFinite(minutes) ? ToWall(minutes) : null;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
