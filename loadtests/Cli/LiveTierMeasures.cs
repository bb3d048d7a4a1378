using System.Globalization;
using SupportQueue.Core.Model;
using SupportQueue.LoadTests.Scenarios;

namespace SupportQueue.LoadTests.Cli;

/// <summary>
/// Per-tier service of a live run (<see cref="TierOutcome"/>): waits, answers, abandons and
/// escalations from the tickets' histories; occupancy as busy slot time (assignment to the ticket
/// leaving the agent) over staffed slot time (the roster's signed-in spans × capacity), both over
/// the replayed stretch of the scenario.
/// </summary>
public static class LiveTierMeasures
{
    /// <param name="tickets">Every ticket of the run as read back by the audit; ids end in <c>-t{number}</c>, the scenario's ticket number.</param>
    /// <param name="workload">The scenario replayed (tiers, thresholds, roster, arrival times).</param>
    /// <param name="now">Grain time at the audit: a ticket still waiting longer than its threshold has missed it.</param>
    /// <param name="simulatedPerGrain">Simulated time per unit of grain time: 1 when the silos' clock is compressed, the compression on an external cluster's real-time clock.</param>
    /// <param name="allSignedIn">Every agent signed in throughout, instead of the roster's shifts.</param>
    /// <param name="agentTiers">Agent id → the agent's tier: busy time is the agent's tier's (a borrowed L2 agent on an L1 ticket is L2's work), as in the simulator.</param>
    /// <param name="submitAssignP99Ms">Tier → wall p99 submit→assign of the tickets first answered there.</param>
    public static IReadOnlyList<TierOutcome> From(
        IReadOnlyCollection<Ticket> tickets,
        ScenarioWorkload workload,
        IReadOnlyDictionary<string, string> agentTiers,
        DateTimeOffset now,
        double simulatedPerGrain,
        bool allSignedIn,
        IReadOnlyDictionary<string, double> submitAssignP99Ms)
    {
        ArgumentNullException.ThrowIfNull(tickets);
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(agentTiers);
        ArgumentNullException.ThrowIfNull(submitAssignP99Ms);
        var tiers = workload.TierNames;
        var index = tiers.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => x.i, StringComparer.OrdinalIgnoreCase);
        var thresholds = tiers.Select((_, i) => workload.Scenario.TierObjective(i).Threshold).ToArray();
        var offered = new long[tiers.Length];
        var answered = new long[tiers.Length];
        var within = new long[tiers.Length];
        var missed = new long[tiers.Length];
        var abandoned = new long[tiers.Length];
        var escalated = new long[tiers.Length];
        var busy = new double[tiers.Length];
        var waits = tiers.Select(_ => new List<double>()).ToArray();
        double Minutes(TimeSpan grain) => grain.TotalMinutes * simulatedPerGrain;
        var start = Start(tickets, workload, simulatedPerGrain);
        var end = start + TimeSpan.FromMinutes(workload.SimulatedMinutes / simulatedPerGrain);

        foreach (var ticket in tickets)
        {
            int? waitingIn = null;
            var queuedAt = DateTimeOffset.MinValue;
            int? servedIn = null;
            var assignedAt = DateTimeOffset.MinValue;
            foreach (var e in ticket.History)
            {
                var tier = e.Tier is { } name && index.TryGetValue(name, out var i) ? i : (int?)null;
                switch (e.Kind)
                {
                    case TicketEventKind.Queued when tier is { } q:
                        offered[q]++;
                        waitingIn = q;
                        queuedAt = e.At;
                        break;
                    case TicketEventKind.Assigned:
                        if (waitingIn is { } w)
                        {
                            var wait = Minutes(e.At - queuedAt);
                            answered[w]++;
                            waits[w].Add(wait);
                            within[w] += wait <= thresholds[w].TotalMinutes ? 1 : 0;
                            missed[w] += wait <= thresholds[w].TotalMinutes ? 0 : 1;
                            waitingIn = null;
                        }

                        servedIn = e.AgentId is { } agent && agentTiers.TryGetValue(agent, out var agentTier) && index.TryGetValue(agentTier, out var a) ? a : tier;
                        assignedAt = e.At;
                        break;
                    case TicketEventKind.Escalated or TicketEventKind.Resolved or TicketEventKind.Released or TicketEventKind.Abandoned:
                        if (e.Kind == TicketEventKind.Escalated && tier is { } from)
                        {
                            escalated[from]++;
                        }

                        if (e.Kind == TicketEventKind.Abandoned && waitingIn is { } left)
                        {
                            abandoned[left]++;
                            missed[left]++;
                            waitingIn = null;
                        }

                        if (e.Kind == TicketEventKind.Escalated && servedIn is null)
                        {
                            waitingIn = null; // the desk moved it on from the queue; the next Queued opens the new visit
                        }

                        if (servedIn is { } s)
                        {
                            busy[s] += Overlap(assignedAt, e.At, start, end, Minutes);
                            servedIn = null;
                        }

                        break;
                }
            }

            if (waitingIn is { } still && Minutes(now - queuedAt) > thresholds[still].TotalMinutes)
            {
                missed[still]++; // still waiting at the audit, already past the threshold
            }

            if (servedIn is { } open)
            {
                busy[open] += Overlap(assignedAt, now, start, end, Minutes);
            }
        }

        var staffed = Staffed(workload, allSignedIn);
        return [.. tiers.Select((tier, i) => new TierOutcome(
            tier,
            thresholds[i],
            offered[i],
            answered[i],
            within[i],
            missed[i],
            abandoned[i],
            escalated[i],
            answered[i] == 0 ? double.NaN : waits[i].Average(),
            Quantile(waits[i], 0.9),
            staffed[i],
            busy[i],
            submitAssignP99Ms.GetValueOrDefault(tier, double.NaN)))];
    }

    /// <summary>
    /// Grain time of the scenario's minute 0: ticket k is submitted k's arrival minutes after it,
    /// so the earliest created-minus-arrival over the tickets (submits are only ever late) is the start.
    /// </summary>
    private static DateTimeOffset Start(IReadOnlyCollection<Ticket> tickets, ScenarioWorkload workload, double simulatedPerGrain)
    {
        var start = DateTimeOffset.MaxValue;
        foreach (var ticket in tickets)
        {
            var cut = ticket.Id.LastIndexOf("-t", StringComparison.Ordinal);
            if (cut >= 0 && int.TryParse(ticket.Id.AsSpan(cut + 2), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number < workload.Tickets.Count)
            {
                var at = ticket.CreatedAt - TimeSpan.FromMinutes(workload.Tickets[number].ArrivalMinutes / simulatedPerGrain);
                start = at < start ? at : start;
            }
        }

        return start == DateTimeOffset.MaxValue ? DateTimeOffset.MinValue : start;
    }

    private static double Overlap(DateTimeOffset from, DateTimeOffset to, DateTimeOffset start, DateTimeOffset end, Func<TimeSpan, double> minutes)
    {
        var a = from > start ? from : start;
        var b = to < end ? to : end;
        return b > a ? minutes(b - a) : 0;
    }

    /// <summary>Slot minutes signed in per tier over the replayed stretch, from the roster the synthetic agents follow.</summary>
    private static double[] Staffed(ScenarioWorkload workload, bool allSignedIn)
    {
        var (agents, changes) = workload.Roster("staffing", "staffing");
        var staffed = new double[workload.TierNames.Length];
        var until = workload.SimulatedMinutes;
        var tierOf = agents.Select(a => workload.TierNames.IndexOf(a.Tier)).ToArray();
        if (allSignedIn)
        {
            for (var a = 0; a < agents.Count; a++)
            {
                if (tierOf[a] >= 0)
                {
                    staffed[tierOf[a]] += agents[a].Capacity * until;
                }
            }

            return staffed;
        }

        var since = new double?[agents.Count];
        void Close(int a, double at)
        {
            if (since[a] is { } from && tierOf[a] >= 0)
            {
                staffed[tierOf[a]] += agents[a].Capacity * (Math.Min(at, until) - Math.Max(0, from));
            }

            since[a] = null;
        }

        foreach (var change in changes.Where(c => c.Minutes < until).OrderBy(c => c.Minutes))
        {
            Close(change.AgentIndex, change.Minutes);
            if (change.Presence == Presence.Available)
            {
                since[change.AgentIndex] = change.Minutes;
            }
        }

        for (var a = 0; a < agents.Count; a++)
        {
            Close(a, until);
        }

        return staffed;
    }

    /// <summary>Nearest-rank quantile, as the desk-wide outcome uses.</summary>
    private static double Quantile(List<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        values.Sort();
        return values[(int)Math.Min(values.Count - 1, Math.Ceiling(p * values.Count) - 1)];
    }
}
