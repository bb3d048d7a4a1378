using System.Collections.Immutable;
using SupportQueue.Core.Model;

namespace SupportQueue.Core.History;

/// <summary>
/// One ticket of a history trace (docs/ticket-history.md): its arrival as the desk saw it (id,
/// <see cref="Created"/> in UTC, priority, skills, class, entry tier) and its service facts
/// (tiers touched in order, handling minutes per tier where known, escalations, first response,
/// outcome). Live desks export it; the simulator replays it and <c>scenario fit</c> learns from it.
/// </summary>
[GenerateSerializer, Immutable, Alias("SupportQueue.TicketHistoryRecord")]
public sealed record TicketHistoryRecord(
    [property: Id(0)] string Id,
    [property: Id(1)] DateTime Created,
    [property: Id(2)] Priority Priority,
    [property: Id(3)] ImmutableArray<string> Skills,
    [property: Id(4)] string? Class,
    [property: Id(5)] string EntryTier,
    [property: Id(6)] ImmutableArray<string> Tiers,
    [property: Id(7)] ImmutableArray<TierMinutes> Handling,
    [property: Id(8)] ImmutableArray<HistoryEscalation> Escalations,
    [property: Id(9)] double? FirstResponseMinutes,
    [property: Id(10)] HistoryOutcome Outcome,
    [property: Id(11)] DateTime? Ended)
{
    /// <summary>Recorded handling minutes at <paramref name="tier"/>; null when not known.</summary>
    public double? HandlingAt(string tier)
    {
        foreach (var h in Handling)
        {
            if (string.Equals(h.Tier, tier, StringComparison.Ordinal))
            {
                return h.Minutes;
            }
        }

        return null;
    }

    /// <summary>Minutes from creation to the end; null when the ticket has no recorded end.</summary>
    public double? DurationMinutes => Ended is { } ended ? (ended - Created).TotalMinutes : null;
}
