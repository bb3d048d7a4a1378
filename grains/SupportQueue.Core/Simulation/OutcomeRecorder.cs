using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using SupportQueue.Core.Demand;
using SupportQueue.Core.Model;

namespace SupportQueue.Core.Simulation;

/// <summary>
/// What a run records: the <see cref="Metrics"/> (which the loop feeds directly) and, when outcomes
/// are kept, each ticket's path and outcome; at the end it assembles the replication's result.
/// </summary>
internal sealed class OutcomeRecorder(Scenario scenario)
{
    private readonly Metrics _metrics = new(scenario, scenario.Desk.TierCount);
    private readonly List<TicketOutcome> _outcomes = [];
    private readonly string[] _tierNames = [.. scenario.Desk.Tiers.Select(t => t.Name)];

    /// <summary>The counts: the loop feeds them directly, one hop less per event than through here.</summary>
    public Metrics Metrics => _metrics;

    /// <summary>A resolved ticket's customer will come back.</summary>
    public void Reopens(SimTicket ticket) => ticket.Path?.Append("|reopen");

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void PresenceChanged(SimAgent agent, Presence presence, double now) => _metrics.PresenceChanged(agent, presence, now);

    public void SnapshotBacklog(double now) => _metrics.SnapshotBacklog(now);

    /// <summary>The ticket's story ended (<paramref name="ending"/>: resolved, abandoned or refused) at <paramref name="now"/>.</summary>
    public void Closed(SimTicket ticket, string ending, double now)
    {
        if (ticket.Path is not null)
        {
            _outcomes.Add(new TicketOutcome(ticket.Id, ticket.Class.Name, ticket.Priority, ticket.Created, ticket.Path.ToString(), ending, now));
        }
    }

    /// <summary>Closes the books at the horizon: everyone goes offline, service in progress counts as unfinished.</summary>
    public ReplicationResult Finish(int replication, long events, SimAgent[] agents, IEnumerable<SimTicket> openTickets, RateFunction rate)
    {
        var horizon = scenario.HorizonMinutes;
        foreach (var agent in agents)
        {
            _metrics.PresenceChanged(agent, Presence.Offline, horizon);
        }

        foreach (var ticket in openTickets)
        {
            if (ticket.State == TicketState.InService)
            {
                _metrics.ServiceEnded(ticket, agents[ticket.AgentIndex], horizon, finished: false);
            }
        }

        var expected = ImmutableArray.CreateBuilder<double>(scenario.IntervalCount);
        for (var i = 0; i < scenario.IntervalCount; i++)
        {
            var from = i * (double)scenario.IntervalMinutes;
            expected.Add(rate.ExpectedCount(from, Math.Min(horizon, from + scenario.IntervalMinutes)));
        }

        var outcomes = _outcomes.OrderBy(o => o.CreatedMinutes).ThenBy(o => o.TicketId, StringComparer.Ordinal).ToImmutableArray();
        return _metrics.Build(replication, scenario.Desk, outcomes, events, expected.MoveToImmutable());
    }

    // Paths are kept only when outcomes are compared: out of line, so the fast run's callers stay small.

    /// <summary>The ticket joined the queue of its <see cref="SimTicket.Tier"/> at <paramref name="now"/>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public void PathQueued(SimTicket ticket, double now) =>
        ticket.Path!.Append('|').Append(_tierNames[ticket.Tier]).Append('@').Append(now.ToString("0.######", CultureInfo.InvariantCulture));

    /// <summary>The desk gave the ticket to <paramref name="agent"/> at <paramref name="at"/>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void PathAssigned(SimTicket ticket, SimAgent agent, double at) =>
        ticket.Path!.Append('>').Append(agent.Id).Append('@').Append(at.ToString("0.######", CultureInfo.InvariantCulture));
}
