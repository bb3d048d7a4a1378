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

    private async Task RebuildAgentAsync(DeskScheduler engine, AgentSpec spec, DateTimeOffset now)
    {
        Agent agent;
        try
        {
            agent = await grains.Agent(spec.AgentId).Get();
        }
        catch (SupportQueueException)
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
            catch (SupportQueueException ex)
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
