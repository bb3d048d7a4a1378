using SupportQueue.Core.Model;

namespace SupportQueue.LoadTests.Orleans;

/// <summary>
/// Service measures of a run, computed from the tickets' own histories, so they are in grain (simulated)
/// time: minutes a customer would have waited, not the milliseconds the run took.
/// </summary>
public sealed record DeskOutcome(
    long Tickets,
    long Answered,
    long Resolved,
    long Abandoned,
    double ServiceLevelPercent,
    TimeSpan ServiceLevelTarget,
    TimeSpan AverageSpeedOfAnswer,
    TimeSpan P90SpeedOfAnswer,
    double EscalatedPercent,
    double AgentEscalatedPercent,
    double DeskEscalatedPercent,
    double RoutedPastL1AtEntryPercent,
    double AbandonedPercent)
{
    /// <param name="tickets">Every ticket of the run that exists.</param>
    /// <param name="serviceLevelTarget">A first answer within this counts towards the service level.</param>
    /// <param name="now">Grain time at the end: a ticket still waiting longer than the target has already missed it.</param>
    public static DeskOutcome From(IReadOnlyCollection<Ticket> tickets, TimeSpan serviceLevelTarget, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(tickets);
        long answered = 0, resolved = 0, abandoned = 0, withinTarget = 0, missed = 0;
        long escalated = 0, byAgent = 0, byDesk = 0, pastL1 = 0;
        var waits = new List<double>();
        foreach (var t in tickets)
        {
            if (t.FirstAssignedAt is { } first)
            {
                answered++;
                var wait = first - t.CreatedAt;
                waits.Add(wait.TotalSeconds);
                if (wait <= serviceLevelTarget)
                {
                    withinTarget++;
                }
                else
                {
                    missed++;
                }
            }
            else if (t.Status == TicketStatus.Abandoned || now - t.CreatedAt > serviceLevelTarget)
            {
                // Abandoned, or still unanswered past the target: both are misses. Younger waiting tickets are undecided.
                missed++;
            }

            resolved += t.Status == TicketStatus.Resolved ? 1 : 0;
            abandoned += t.Status == TicketStatus.Abandoned ? 1 : 0;
            var escalations = t.History.Where(e => e.Kind == TicketEventKind.Escalated).ToList();
            escalated += escalations.Count > 0 ? 1 : 0;
            byAgent += escalations.Any(e => e.AgentId is not null) ? 1 : 0;
            byDesk += escalations.Any(e => e.AgentId is null) ? 1 : 0;
            var entry = t.History.FirstOrDefault(e => e.Kind == TicketEventKind.Queued);
            pastL1 += entry is not null && !string.Equals(entry.Tier, "L1", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
        }

        waits.Sort();
        double Percent(long part) => tickets.Count == 0 ? 0 : 100.0 * part / tickets.Count;
        return new DeskOutcome(
            tickets.Count,
            answered,
            resolved,
            abandoned,
            withinTarget + missed == 0 ? 0 : 100.0 * withinTarget / (withinTarget + missed),
            serviceLevelTarget,
            waits.Count == 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(waits.Average()),
            waits.Count == 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(waits[(int)Math.Min(waits.Count - 1, Math.Ceiling(0.9 * waits.Count) - 1)]),
            Percent(escalated),
            Percent(byAgent),
            Percent(byDesk),
            Percent(pastL1),
            Percent(abandoned));
    }
}
