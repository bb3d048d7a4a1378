using System.Collections.Immutable;
using System.Globalization;
using SupportQueue.Core.Simulation;

namespace SupportQueue.Core.History;

/// <summary>
/// Turns a simulated run's ticket outcomes (run with <see cref="SimulationOptions.RecordOutcomes"/>)
/// into a ticket-history trace, as a live desk would have exported it: the project's own sample
/// histories and the replay round-trip tests come from here. Tickets still open at the horizon
/// have no outcome and are not in the trace.
/// </summary>
public static class SimulatedHistory
{
    private readonly record struct Visit(string Tier, double Queued, double? Assigned, bool AfterReopen);

    public static IReadOnlyList<TicketHistoryRecord> FromOutcomes(Scenario scenario, IEnumerable<TicketOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(outcomes);
        var skills = scenario.TicketClasses.ToDictionary(c => c.Name, c => c.Skills.IsDefault ? [] : c.Skills, StringComparer.Ordinal);
        var start = DateTime.SpecifyKind(scenario.Start, DateTimeKind.Utc);
        return [.. outcomes
            .Select(o => From(o, start, skills.GetValueOrDefault(o.Class, [])))
            .OrderBy(r => r.Created)
            .ThenBy(r => r.Id, StringComparer.Ordinal)];
    }

    private static TicketHistoryRecord From(TicketOutcome outcome, DateTime start, ImmutableArray<string> skills)
    {
        var visits = Visits(outcome.Path);
        var handling = new Dictionary<string, double?>(StringComparer.Ordinal);
        var escalations = ImmutableArray.CreateBuilder<HistoryEscalation>();
        for (var i = 0; i < visits.Count; i++)
        {
            var visit = visits[i];
            double? worked = null;
            var last = i == visits.Count - 1;
            if (visit.Assigned is { } assigned)
            {
                // Service ends when the next tier's queue is joined, or when the ticket ends; a reopen's
                // resolve time is not in the path, so that stay's handling is unknown.
                if (!last && !visits[i + 1].AfterReopen)
                {
                    worked = visits[i + 1].Queued - assigned;
                }
                else if (last && outcome.Ending == "resolved")
                {
                    worked = outcome.EndMinutes - assigned;
                }
            }

            if (visit.Assigned is not null)
            {
                handling[visit.Tier] = handling.TryGetValue(visit.Tier, out var sum) ? sum + worked : worked;
            }

            if (!last && !visits[i + 1].AfterReopen)
            {
                var reason = visit.Assigned is null ? $"waited too long at {visit.Tier}" : $"not resolved at {visit.Tier}";
                escalations.Add(new HistoryEscalation(visit.Tier, visits[i + 1].Tier, reason));
            }
        }

        var firstAssigned = visits.FirstOrDefault(v => v.Assigned is not null).Assigned;
        return new TicketHistoryRecord(
            outcome.TicketId,
            At(start, outcome.CreatedMinutes),
            outcome.Priority,
            skills,
            outcome.Class,
            visits[0].Tier,
            [.. visits.Select(v => v.Tier)],
            [.. handling.Where(h => h.Value is not null).Select(h => new TierMinutes(h.Key, Math.Max(0, h.Value!.Value)))],
            escalations.ToImmutable(),
            firstAssigned is { } first ? Math.Max(0, first - outcome.CreatedMinutes) : null,
            outcome.Ending == "abandoned" ? HistoryOutcome.Abandoned : HistoryOutcome.Resolved,
            At(start, outcome.EndMinutes));
    }

    /// <summary>Reads a path such as <c>|L1@0.5&gt;a1@1.2|L2@3.4&gt;b2@5|reopen|L1@90</c>.</summary>
    private static List<Visit> Visits(string path)
    {
        var visits = new List<Visit>();
        var afterReopen = false;
        foreach (var segment in path.Split('|', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment == "reopen")
            {
                afterReopen = true;
                continue;
            }

            var arrow = segment.IndexOf('>', StringComparison.Ordinal);
            var queuedPart = arrow < 0 ? segment : segment[..arrow];
            var at = queuedPart.LastIndexOf('@');
            var tier = queuedPart[..at];
            var queued = double.Parse(queuedPart[(at + 1)..], CultureInfo.InvariantCulture);
            double? assigned = null;
            if (arrow >= 0)
            {
                // The first assignment is the response; a later one (the agent left) only moves the start.
                var assignedPart = segment[(arrow + 1)..];
                var next = assignedPart.IndexOf('>', StringComparison.Ordinal);
                assignedPart = next < 0 ? assignedPart : assignedPart[..next];
                assigned = double.Parse(assignedPart[(assignedPart.LastIndexOf('@') + 1)..], CultureInfo.InvariantCulture);
            }

            visits.Add(new Visit(tier, queued, assigned, afterReopen));
            afterReopen = false;
        }

        return visits;
    }

    private static DateTime At(DateTime start, double minutes) => start.AddTicks((long)Math.Round(minutes * TimeSpan.TicksPerMinute));
}
