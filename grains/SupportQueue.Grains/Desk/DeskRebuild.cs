using Microsoft.Extensions.Logging;
using SupportQueue.Core.Model;
using SupportQueue.Core.Routing;

namespace SupportQueue.Grains;

/// <summary>
/// Takes a (re)activated desk's open tickets back into its engine: the tickets agents hold, from
/// the agents' own records, and waiting tickets as they re-announce themselves.
/// </summary>
/// <remarks>The tickets' own records are the authority; the desk only mirrors them.</remarks>
internal sealed class DeskRebuild(string deskId, IGrainFactory grains, ILogger logger)
{
    /// <summary>The name of an open ticket's durable reminder: it names the ticket's desk.</summary>
    public const string ReconcilePrefix = "reconcile@";

    // Ticket records are read this many at a time: one at a time keeps a large desk's activation
    // (and every call waiting on it) long; all at once floods the silo.
    private const int ReadBatch = 64;

    /// <summary>Registers the stored agents (offline), then takes back what each holds and its presence.</summary>
    public async Task RebuildAgentsAsync(DeskScheduler engine, IReadOnlyCollection<AgentSpec> agents, DateTimeOffset now)
    {
        foreach (var spec in agents)
        {
            engine.UpsertAgent(spec, Presence.Offline, now);
        }

        foreach (var spec in agents)
        {
            await RebuildAgentAsync(engine, spec, now);
        }
    }

    /// <summary>
    /// Takes back the waiting tickets whose durable reminders name this desk, from their own
    /// records, so a re-activated desk does not read empty until each reminder fires. Held tickets
    /// come back with their agents; anything missed here comes back when its reminder fires.
    /// </summary>
    public async Task RebuildWaitingAsync(DeskScheduler engine, IReminderTable reminders, DateTimeOffset now)
    {
        var name = ReconcilePrefix + deskId;

        // (0, 0] wraps around the ring: every reminder. Only on activation, and cheaper than
        // a write per submit to keep an index of the desk's tickets.
        var rows = await reminders.ReadRows(0, 0);
        var ticketIds = rows.Reminders.Where(r => r.ReminderName == name).Select(r => r.GrainId.Key.ToString()!).Distinct().ToList();
        var waiting = new List<Ticket>();
        foreach (var batch in ticketIds.Chunk(ReadBatch))
        {
            foreach (var ticket in await Task.WhenAll(batch.Select(ReadAsync)))
            {
                if (ticket is { Status: TicketStatus.Queued } && ticket.DeskId == deskId)
                {
                    waiting.Add(ticket);
                }
            }
        }

        // In the order they joined their queues, so ties in queue order break as they did before.
        foreach (var ticket in waiting.OrderBy(t => t.LastQueuedAt()).ThenBy(t => t.CreatedAt).ThenBy(t => t.Id, StringComparer.Ordinal))
        {
            try
            {
                engine.Restore(ticket.ToSpec(), ticket.CreatedAt, ticket.Tier!, ticket.LastQueuedAt(), null, ticket.FirstAssignedAt is not null, now);
            }
            catch (SupportQueueException ex)
            {
                DeskLog.RebuildSkipped(logger, ex, deskId, ticket.Id);
            }
        }
    }

    private async Task<Ticket?> ReadAsync(string ticketId)
    {
        try
        {
            return await grains.Ticket(ticketId).Get();
        }
#pragma warning disable CA1031 // Unknown (a submit that never stored it) or unreachable: its reminder brings it back if it is open.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            DeskLog.RebuildSkipped(logger, ex, deskId, ticketId);
            return null;
        }
    }

    private async Task RebuildAgentAsync(DeskScheduler engine, AgentSpec spec, DateTimeOffset now)
    {
        Agent agent;
        try
        {
            agent = await grains.Agent(spec.AgentId).Get();
        }
#pragma warning disable CA1031 // Unknown or unreachable (its silo just died): it stays offline until it signs in; its tickets come back by their reminders.
        catch (Exception)
#pragma warning restore CA1031
        {
            return;
        }

        foreach (var ticketId in agent.Assignments)
        {
            try
            {
                var ticket = await grains.Ticket(ticketId).Get();
                if (ticket.IsHeldBy(agent.Id))
                {
                    engine.Restore(ticket.ToSpec(), ticket.CreatedAt, ticket.Tier!, ticket.LastQueuedAt(), agent.Id, responded: true, now);
                }
            }
#pragma warning disable CA1031 // As above: the ticket's reminder brings it back.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                DeskLog.RebuildSkipped(logger, ex, deskId, ticketId);
            }
        }

        engine.SetPresence(agent.Id, agent.Presence, now);
    }

    /// <summary>
    /// An open ticket re-announced itself: takes it back unless the desk has it already or its
    /// holder is not on the desk. True when it was taken back.
    /// </summary>
    public async Task<bool> ReconcileAsync(DeskScheduler engine, OpenTicket ticket, DateTimeOffset now)
    {
        if (engine.TryGetTicket(ticket.Spec.TicketId, out _, out _, out _))
        {
            return false;
        }

        if (ticket.AgentId is { } agentId && !engine.HasAgent(agentId))
        {
            DeskLog.RebuildSkipped(logger, null, deskId, ticket.Spec.TicketId);
            return false;
        }

        engine.Restore(ticket.Spec, ticket.CreatedAt, ticket.Tier, ticket.QueuedAt, ticket.AgentId, ticket.Responded, now);
        DeskLog.Restored(logger, deskId, ticket.Spec.TicketId, ticket.Tier, ticket.AgentId);
        if (ticket.AgentId is { } holder)
        {
            // The ticket is the authority on who holds it; make sure that agent knows.
            await grains.Agent(holder).Adopt(ticket.Spec.TicketId);
        }

        return true;
    }
}
