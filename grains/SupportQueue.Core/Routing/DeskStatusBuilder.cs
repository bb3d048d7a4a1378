using System.Collections.Immutable;
using SupportQueue.Core.Model;

namespace SupportQueue.Core.Routing;

/// <summary>Builds a desk's <see cref="DeskStatus"/>: per tier, its queue, offers and staff; per priority, its SLA counts.</summary>
internal static class DeskStatusBuilder
{
    public static DeskStatus Build(DeskScheduler desk, TierQueue[] queues, AgentPool pool, TicketTable tickets, SlaTally sla, DateTimeOffset now)
    {
        var settings = desk.Settings;

        // One pass over the open tickets gathers everything that depends on them: the status is read
        // on the desk's turn (the gauges every 5 s), and with an outage backlog of a million tickets
        // each further pass held every submit behind it for tens of milliseconds.
        // An agent's load also counts its pending offers, which Status reports as Offered at the
        // ticket's queue; counting them as Assigned too would show one ticket twice.
        var held = new int[queues.Length];
        var offered = new int[queues.Length];
        var oldest = new TimeSpan[queues.Length];
        var priorities = Enum.GetValues<Priority>();
        var limits = new TimeSpan?[priorities.Length];
        var past = new int[priorities.Length];
        for (var i = 0; i < priorities.Length; i++)
        {
            limits[i] = settings.SlaFor(priorities[i])?.FirstResponse;
        }

        foreach (var ticket in tickets.All())
        {
            switch (ticket.State)
            {
                case DeskTicketState.Assigned:
                    held[ticket.Agent!.Tier]++;
                    break;
                case DeskTicketState.Offered:
                    offered[ticket.Tier]++;
                    goto case DeskTicketState.Queued;
                case DeskTicketState.Queued:
                    if (now - ticket.QueuedAt > oldest[ticket.Tier])
                    {
                        oldest[ticket.Tier] = now - ticket.QueuedAt;
                    }

                    break;
            }

            // Priorities are P1..P4 in value order, so a ticket's index is its value less one.
            var p = (int)ticket.Priority - 1;
            if (!ticket.Responded && (uint)p < (uint)limits.Length && limits[p] is { } limit && now - ticket.CreatedAt > limit)
            {
                past[p]++;
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

            tiers.Add(new TierStatus(settings.Tiers[t].Name, queues[t].Count - offered[t], offered[t], oldest[t], available, onBreak, offline, held[t], pool.FreeCapacity(t)));
        }

        var counters = ImmutableArray.CreateBuilder<SlaCounters>(priorities.Length);
        for (var i = 0; i < priorities.Length; i++)
        {
            counters.Add(sla.Snapshot(priorities[i], past[i]));
        }

        return new DeskStatus(desk.DeskId, now, tiers.MoveToImmutable(), counters.MoveToImmutable(), desk.Submitted, desk.Resolved, desk.Abandoned, desk.Escalations, desk.OpenTickets, desk.Reopened, desk.Withdrawn);
    }
}
