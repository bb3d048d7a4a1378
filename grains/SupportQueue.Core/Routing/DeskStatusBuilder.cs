using System.Collections.Immutable;
using SupportQueue.Core.Model;

namespace SupportQueue.Core.Routing;

/// <summary>Builds a desk's <see cref="DeskStatus"/>: per tier, its queue, offers and staff; per priority, its SLA counts.</summary>
internal static class DeskStatusBuilder
{
    public static DeskStatus Build(DeskScheduler desk, TierQueue[] queues, AgentPool pool, TicketTable tickets, SlaTally sla, DateTimeOffset now)
    {
        var settings = desk.Settings;

        // An agent's load also counts its pending offers, which Status reports as Offered at the
        // ticket's queue; counting them as Assigned too would show one ticket twice.
        var held = new int[queues.Length];
        foreach (var ticket in tickets.All())
        {
            if (ticket.State == DeskTicketState.Assigned)
            {
                held[ticket.Agent!.Tier]++;
            }
        }

        var tiers = ImmutableArray.CreateBuilder<TierStatus>(queues.Length);
        for (var t = 0; t < queues.Length; t++)
        {
            int available = 0, onBreak = 0, offline = 0;
            foreach (var a in pool.Tier(t))
            {
                switch (a.Presence)
                {
                    case Presence.Available: available++; break;
                    case Presence.Break: onBreak++; break;
                    default: offline++; break;
                }
            }

            var oldest = TimeSpan.Zero;
            var offered = 0;
            foreach (var ticket in tickets.All())
            {
                if (ticket.Tier != t)
                {
                    continue;
                }

                if (ticket.State == DeskTicketState.Offered)
                {
                    offered++;
                }

                if (ticket.State is DeskTicketState.Queued or DeskTicketState.Offered && now - ticket.QueuedAt > oldest)
                {
                    oldest = now - ticket.QueuedAt;
                }
            }

            tiers.Add(new TierStatus(settings.Tiers[t].Name, queues[t].Count - offered, offered, oldest, available, onBreak, offline, held[t], pool.FreeCapacity(t)));
        }

        var counters = ImmutableArray.CreateBuilder<SlaCounters>();
        foreach (var p in Enum.GetValues<Priority>())
        {
            var target = settings.SlaFor(p)?.FirstResponse;
            var past = 0;
            if (target is { } limit)
            {
                foreach (var ticket in tickets.All())
                {
                    if (ticket.Priority == p && !ticket.Responded && now - ticket.CreatedAt > limit)
                    {
                        past++;
                    }
                }
            }

            counters.Add(sla.Snapshot(p, past));
        }

        return new DeskStatus(desk.DeskId, now, tiers.MoveToImmutable(), counters.ToImmutable(), desk.Submitted, desk.Resolved, desk.Abandoned, desk.Escalations, desk.OpenTickets, desk.Reopened, desk.Withdrawn);
    }
}
