namespace SupportQueue.Core.Routing;

/// <summary>
/// Checks a desk's bookkeeping against its tickets: queue counts, agents' loads and free capacity,
/// pending offers, the id index and conservation of tickets. Throws
/// <see cref="InvalidOperationException"/> describing the first violation.
/// </summary>
internal static class DeskAudit
{
    public static void Check(DeskScheduler desk, TierQueue[] queues, AgentPool pool, TicketTable tickets, OfferBook offers)
    {
        var settings = desk.Settings;
        var counts = new int[queues.Length];
        var waiting = new int[queues.Length];
        var loads = new Dictionary<PoolAgent, int>();
        var indexed = 0;
        foreach (var t in tickets.All())
        {
            if (t.Id is not null)
            {
                indexed++;
                if (!tickets.IsIndexed(t))
                {
                    throw new InvalidOperationException($"ticket '{t.Id}' is open but not found by its id");
                }
            }

            if (t.Escalation is { } escalation && (t.State != DeskTicketState.Queued || !string.Equals(escalation.Placement.Tier, settings.Tiers[t.Tier].Name, StringComparison.OrdinalIgnoreCase)))
            {
                throw new InvalidOperationException($"ticket '{t.Name}' is {t.State} at {settings.Tiers[t.Tier].Name} but still answers a repeated escalation to {escalation.Placement.Tier}");
            }

            switch (t.State)
            {
                case DeskTicketState.Queued:
                    counts[t.Tier]++;
                    waiting[t.Tier]++;
                    break;
                case DeskTicketState.Offered:
                    counts[t.Tier]++;
                    if (!offers.TryGet(t.ReservationId, out var pending) || !ReferenceEquals(pending.Ticket, t))
                    {
                        throw new InvalidOperationException($"ticket '{t.Name}' is offered but no pending offer holds it");
                    }

                    break;
                case DeskTicketState.Assigned:
                    loads[t.Agent!] = loads.GetValueOrDefault(t.Agent!) + 1;
                    break;
                default:
                    throw new InvalidOperationException($"closed ticket '{t.Name}' still open");
            }
        }

        foreach (var r in offers.Reservations)
        {
            loads[r.Agent] = loads.GetValueOrDefault(r.Agent) + 1;
        }

        for (var tier = 0; tier < queues.Length; tier++)
        {
            if (counts[tier] != queues[tier].Count || waiting[tier] != queues[tier].Waiting)
            {
                throw new InvalidOperationException($"tier {tier}: counted {counts[tier]}/{waiting[tier]} but queue says {queues[tier].Count}/{queues[tier].Waiting}");
            }

            CheckPool(pool, tier, loads);
        }

        if (indexed != tickets.WithId)
        {
            throw new InvalidOperationException($"{tickets.WithId} tickets by id, but {indexed} open tickets have an id");
        }

        if (desk.Submitted + desk.Reopened != desk.OpenTickets + desk.Resolved + desk.Abandoned + desk.Withdrawn)
        {
            throw new InvalidOperationException($"conservation: submitted {desk.Submitted} + reopened {desk.Reopened} ≠ open {desk.OpenTickets} + resolved {desk.Resolved} + abandoned {desk.Abandoned} + withdrawn {desk.Withdrawn}");
        }
    }

    private static void CheckPool(AgentPool pool, int tier, Dictionary<PoolAgent, int> loads)
    {
        var agents = pool.Tier(tier);
        var freeList = pool.FreeList(tier);
        var free = 0;
        foreach (var a in agents)
        {
            var load = loads.GetValueOrDefault(a);
            if (load != a.Load)
            {
                throw new InvalidOperationException($"agent '{a.Id}': load {a.Load} but holds {load}");
            }

            if (a.Load > a.Capacity)
            {
                throw new InvalidOperationException($"agent '{a.Id}': load {a.Load} exceeds capacity {a.Capacity}");
            }

            free += a.FreeCapacity;
        }

        foreach (var a in agents)
        {
            var listed = a.FreeSlot >= 0 && a.FreeSlot < freeList.Count && ReferenceEquals(freeList[a.FreeSlot], a);
            if (listed != (a.FreeCapacity > 0))
            {
                throw new InvalidOperationException($"agent '{a.Id}': free capacity {a.FreeCapacity} but {(listed ? "" : "not ")}on the free list");
            }
        }

        if (freeList.Count != agents.Count(a => a.FreeCapacity > 0))
        {
            throw new InvalidOperationException($"tier {tier}: free list has {freeList.Count} agents");
        }

        if (free != pool.FreeCapacity(tier))
        {
            throw new InvalidOperationException($"tier {tier}: free capacity {pool.FreeCapacity(tier)} but agents have {free}");
        }
    }
}
