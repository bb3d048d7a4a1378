using System.Collections.Immutable;
using SupportQueue.Core.Model;

namespace SupportQueue.Core.Routing;

/// <summary>Read-only views of a desk for callers that list things: a tier's waiting tickets, the pools' agents.</summary>
internal static class DeskQueries
{
    /// <summary>
    /// The tickets waiting at <paramref name="tier"/> (queued or offered), in queue order (priority,
    /// then age), <paramref name="take"/> of them after the first <paramref name="skip"/>.
    /// </summary>
    public static WaitingPage Waiting(DeskSettings settings, TicketTable tickets, string tier, int skip, int take)
    {
        var t = settings.TierIndex(tier);
        if (t < 0)
        {
            throw SupportQueueException.Invalid("tier", tier, $"no such tier; the desk has {string.Join(", ", settings.Tiers.Select(x => x.Name))}");
        }

        var waiting = tickets.All()
            .Where(x => x.Tier == t && x.State is DeskTicketState.Queued or DeskTicketState.Offered)
            .OrderBy(x => x.Key)
            .ToList();
        var page = waiting
            .Skip(Math.Max(0, skip))
            .Take(Math.Max(0, take))
            .Select(x => new WaitingTicket(x.Name, x.Priority, settings.Tiers[t].Name, x.CreatedAt, x.QueuedAt, x.State == DeskTicketState.Offered));
        return new WaitingPage(waiting.Count, [.. page]);
    }

    /// <summary>Every agent in the desk's pools, by id, with presence and load.</summary>
    public static ImmutableArray<DeskAgent> Agents(DeskSettings settings, AgentPool pool) =>
        [.. Enumerable.Range(0, settings.TierCount)
            .SelectMany(pool.Tier)
            .OrderBy(a => a.Id, StringComparer.Ordinal)
            .Select(a => new DeskAgent(a.Id, settings.Tiers[a.Tier].Name, a.Presence, a.Capacity, a.Load))];
}
