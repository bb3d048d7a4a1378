using SupportQueue.Core.Model;

namespace SupportQueue.LoadTests.Orleans;

/// <summary>
/// The post-run audit. Pure, so tests can feed it fabricated states (a double assignment, a lost
/// ticket) and see it caught; the load target only gathers the input.
/// </summary>
public static class InvariantChecker
{
    /// <summary>
    /// Splits submits by what their callers heard: those that must exist, and those that may.
    /// A submit still waiting for its answer is as uncertain as one that failed ambiguously: when
    /// its silo was killed after the ticket was stored, the reply is lost and the call waits for
    /// its timeout while the ticket lives on (and gets resolved). A refusal changed nothing.
    /// </summary>
    public static (IReadOnlySet<string> Submitted, IReadOnlySet<string> Uncertain) SplitSubmits(IEnumerable<KeyValuePair<string, SubmitOutcome>> submits)
    {
        ArgumentNullException.ThrowIfNull(submits);
        var submitted = new HashSet<string>(StringComparer.Ordinal);
        var uncertain = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (id, outcome) in submits)
        {
            switch (outcome)
            {
                case SubmitOutcome.Stored:
                    submitted.Add(id);
                    break;
                case SubmitOutcome.Pending or SubmitOutcome.Unknown:
                    uncertain.Add(id);
                    break;
            }
        }

        return (submitted, uncertain);
    }

    // A flood of violations of one kind says nothing more than the first few.
    private const int MaxListedPerRule = 20;

    public static InvariantReport Check(AuditInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var violations = new List<string>();
        var perRule = new Dictionary<string, int>(StringComparer.Ordinal);
        void Violation(string rule, string detail)
        {
            perRule[rule] = perRule.GetValueOrDefault(rule) + 1;
            if (perRule[rule] <= MaxListedPerRule)
            {
                violations.Add($"{rule}: {detail}");
            }
        }

        long resolved = 0, queued = 0, inService = 0, abandoned = 0, uncertainFound = 0;
        var existing = new List<Ticket>();
        var uncertainSubmits = new List<UncertainSubmit>();
        foreach (var id in input.Submitted.Concat(input.Uncertain))
        {
            var isUncertain = !input.Submitted.Contains(id);
            if (!input.Tickets.TryGetValue(id, out var ticket) || ticket is null || !ticket.Exists)
            {
                if (!isUncertain)
                {
                    Violation("lost ticket", $"'{id}' was submitted successfully but does not exist");
                }
                else
                {
                    uncertainSubmits.Add(new UncertainSubmit(id, Stored: false, Status: null));
                }

                continue;
            }

            if (isUncertain)
            {
                uncertainFound++;
                uncertainSubmits.Add(new UncertainSubmit(id, Stored: true, ticket.Status));
            }

            existing.Add(ticket);
            switch (ticket.Status)
            {
                case TicketStatus.Resolved:
                    resolved++;
                    break;
                case TicketStatus.Queued:
                    queued++;
                    break;
                case TicketStatus.Assigned:
                    inService++;
                    break;
                case TicketStatus.Abandoned:
                    abandoned++;
                    break;
                default:
                    Violation("unaccounted ticket", $"'{id}' is {ticket.Status}");
                    break;
            }

            CheckHistory(ticket, Violation);
        }

        CheckHolders(existing, input.Agents, Violation);

        if (input.Status is { } status)
        {
            // Withdrawn: submits the desk took whose ticket grain never stored them (it died in
            // between, and the caller was told it failed); the desk dropped them when the ticket said so.
            Compare(Violation, "submitted (less withdrawn)", status.Submitted - status.Withdrawn, existing.Count);
            Compare(Violation, "resolved", status.Resolved, resolved);
            Compare(Violation, "abandoned", status.Abandoned, abandoned);
            Compare(Violation, "open", status.Open, queued + inService);
            Compare(Violation, "in service", status.Tiers.Sum(t => (long)t.Assigned), inService);
            Compare(Violation, "queued", status.Tiers.Sum(t => (long)t.Queued + t.Offered), queued);
        }
        else
        {
            Violation("desk status", "could not be read");
        }

        foreach (var unreadable in input.ReadErrors)
        {
            Violation("unreadable", unreadable);
        }

        if (input.DeskAuditError is { } error)
        {
            Violation("desk audit", error);
        }

        foreach (var (rule, count) in perRule.Where(r => r.Value > MaxListedPerRule))
        {
            violations.Add($"{rule}: {count - MaxListedPerRule} more not listed");
        }

        return new InvariantReport(resolved + queued + inService + abandoned, resolved, queued, inService, abandoned, uncertainFound, violations)
        {
            UncertainSubmits = [.. uncertainSubmits.OrderBy(u => u.TicketId, StringComparer.Ordinal)],
        };
    }

    /// <summary>At most one assignment per queue visit; a visit starts when the ticket is queued or released back.</summary>
    private static void CheckHistory(Ticket ticket, Action<string, string> violation)
    {
        var inQueue = false;
        var visit = 0;
        foreach (var e in ticket.History)
        {
            switch (e.Kind)
            {
                case TicketEventKind.Queued:
                case TicketEventKind.Released:
                    inQueue = true;
                    visit++;
                    break;
                case TicketEventKind.Assigned when !inQueue:
                    violation("double assignment", $"'{ticket.Id}' assigned to '{e.AgentId}' at {e.At:O} without waiting in a queue (visit {visit})");
                    break;
                case TicketEventKind.Assigned:
                    inQueue = false;
                    break;
            }
        }
    }

    /// <summary>Tickets and agents agree on who holds what; nobody holds more than their capacity.</summary>
    private static void CheckHolders(List<Ticket> tickets, IReadOnlyList<Agent> agents, Action<string, string> violation)
    {
        var byId = tickets.ToDictionary(t => t.Id, StringComparer.Ordinal);
        var holder = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var agent in agents)
        {
            if (agent.Assignments.Count > agent.Capacity)
            {
                violation("over capacity", $"agent '{agent.Id}' holds {agent.Assignments.Count} tickets, capacity {agent.Capacity}");
            }

            foreach (var id in agent.Assignments)
            {
                if (!holder.TryAdd(id, agent.Id))
                {
                    violation("double assignment", $"'{id}' held by both '{holder[id]}' and '{agent.Id}'");
                }

                if (byId.TryGetValue(id, out var ticket) && (ticket.Status != TicketStatus.Assigned || ticket.AgentId != agent.Id))
                {
                    violation("holder disagreement", $"agent '{agent.Id}' holds '{id}', but the ticket is {ticket.Status} with agent '{ticket.AgentId}'");
                }
            }
        }

        var known = agents.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var ticket in tickets)
        {
            if (ticket.Status == TicketStatus.Assigned && ticket.AgentId is { } agentId && known.Contains(agentId) &&
                holder.GetValueOrDefault(ticket.Id) != agentId)
            {
                violation("holder disagreement", $"ticket '{ticket.Id}' is assigned to '{agentId}', whose assignments do not include it");
            }
        }
    }

    private static void Compare(Action<string, string> violation, string what, long desk, long tickets)
    {
        if (desk != tickets)
        {
            violation("desk accounting", $"desk counts {desk} {what}, the tickets say {tickets}");
        }
    }
}
