using System.Collections.Immutable;
using SupportQueue.Core.Model;

namespace SupportQueue.Core.History;

/// <summary>
/// What a live ticket's history record is, read from its lifecycle events: the one rule a live
/// desk records by (the grains only store what this returns). Pure: everything comes from the
/// ticket's own stored history, so the same ticket always gives the same record.
/// </summary>
/// <remarks>
/// Handling time "as worked" is each assignment's span, from the agent taking the ticket to that
/// agent resolving or escalating it, summed per tier; an assignment still in progress is not
/// counted (its length is not known yet). Every queueing is a tier touched, so a reopened ticket
/// lists its tier again; it keeps one record, its handling summed over every round and its outcome
/// the latest.
/// </remarks>
public static class TicketHistoryBuilder
{
    /// <summary>The record of <paramref name="ticket"/> as its history stands.</summary>
    /// <param name="ticket">A stored ticket (one that exists).</param>
    /// <param name="ticketClass">The ticket's class when its submitter gave one; live tickets carry none today.</param>
    public static TicketHistoryRecord Build(Ticket ticket, string? ticketClass = null)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        if (!ticket.Exists)
        {
            throw new ArgumentException("the ticket was never created", nameof(ticket));
        }

        var tiers = new List<string>();
        var handling = new List<TierMinutes>();
        var escalations = ImmutableArray.CreateBuilder<HistoryEscalation>();
        string? entryTier = null;
        TicketEvent? working = null;
        DateTimeOffset? ended = null;
        var history = ticket.History;
        for (var i = 0; i < history.Count; i++)
        {
            var e = history[i];
            switch (e.Kind)
            {
                case TicketEventKind.Queued:
                    // Every queueing is a tier touched: a reopened ticket touches its tier again.
                    entryTier ??= e.Tier;
                    if (e.Tier is not null)
                    {
                        tiers.Add(e.Tier);
                    }

                    ended = null;
                    break;
                case TicketEventKind.Assigned:
                    working = e;
                    break;
                case TicketEventKind.Escalated:
                    Worked(handling, ref working, e);
                    escalations.Add(Escalation(e, NextQueuedTier(history, i)));
                    break;
                case TicketEventKind.Resolved:
                    Worked(handling, ref working, e);
                    ended = e.At;
                    break;
                case TicketEventKind.Abandoned:
                    ended = e.At;
                    break;
                case TicketEventKind.Reopened:
                    ended = null;
                    break;
                default:
                    break;
            }
        }

        var outcome = ticket.Status switch
        {
            TicketStatus.Resolved => HistoryOutcome.Resolved,
            TicketStatus.Abandoned => HistoryOutcome.Abandoned,
            _ => HistoryOutcome.Open,
        };

        return new TicketHistoryRecord(
            ticket.Id,
            ticket.CreatedAt.UtcDateTime,
            ticket.Priority,
            [.. ticket.Skills],
            ticketClass,
            entryTier ?? ticket.Tier ?? ticket.RequestedEntryTier ?? "",
            [.. tiers],
            [.. handling],
            escalations.ToImmutable(),
            ticket.FirstAssignedAt is { } first ? (first - ticket.CreatedAt).TotalMinutes : null,
            outcome,
            outcome == HistoryOutcome.Open ? null : ended?.UtcDateTime);
    }

    // An assignment ends when its agent resolves or escalates; a desk escalation of a queued ticket ends none.
    private static void Worked(List<TierMinutes> handling, ref TicketEvent? working, TicketEvent end)
    {
        if (working is null || end.AgentId is null || end.AgentId != working.AgentId)
        {
            return;
        }

        var tier = working.Tier ?? "";
        var minutes = (end.At - working.At).TotalMinutes;
        var index = handling.FindIndex(h => string.Equals(h.Tier, tier, StringComparison.Ordinal));
        if (index < 0)
        {
            handling.Add(new TierMinutes(tier, minutes));
        }
        else
        {
            handling[index] = handling[index] with { Minutes = handling[index].Minutes + minutes };
        }

        working = null;
    }

    private static string? NextQueuedTier(List<TicketEvent> history, int from)
    {
        for (var j = from + 1; j < history.Count; j++)
        {
            if (history[j].Kind == TicketEventKind.Queued)
            {
                return history[j].Tier;
            }
        }

        return null;
    }

    // The ticket writes "L1 → L2: reason"; the record keeps the reason alone, the tiers have fields of their own.
    private static HistoryEscalation Escalation(TicketEvent e, string? toTier)
    {
        var from = e.Tier ?? "";
        var to = toTier ?? "";
        var reason = e.Reason ?? "";
        var prefix = $"{from} → {to}: ";
        if (reason.StartsWith(prefix, StringComparison.Ordinal))
        {
            reason = reason[prefix.Length..];
        }

        // The trace's CSV form separates escalations with ';' and rows with line breaks, and its
        // reader refuses control characters: an agent's typed line break or tab becomes a space.
        if (reason.Any(char.IsControl))
        {
            reason = string.Join(' ', reason.Split([.. reason.Where(char.IsControl).Distinct()], StringSplitOptions.RemoveEmptyEntries));
        }

        return new HistoryEscalation(from, to, reason.Replace(';', ','));
    }
}
