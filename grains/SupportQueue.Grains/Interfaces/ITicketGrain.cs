using Orleans.Concurrency;
using SupportQueue.Core.Model;
using SupportQueue.Core.Routing;

namespace SupportQueue.Grains;

/// <summary>One per ticket (key: ticket id). The authority on who holds the ticket and its history.</summary>
[Alias("SupportQueue.Grains.ITicketGrain")]
public interface ITicketGrain : IGrainWithStringKey
{
    /// <summary>Creates and queues the ticket. Returns only after the ticket is stored.</summary>
    [Alias("Submit")]
    Task<Ticket> Submit(TicketSpec spec);

    /// <summary>The ticket with its full history; throws UnknownTicket when it was never submitted.</summary>
    /// <remarks>Read-only, so it may interleave: a desk rebuilding after a restart reads agents and tickets that may be waiting on the desk.</remarks>
    [AlwaysInterleave]
    [Alias("Get")]
    Task<Ticket> Get();

    /// <summary>
    /// Called by an agent grain accepting an offer. Accepted when the ticket was queued (or this
    /// agent already holds it); TicketGone otherwise, also for a ticket that was never stored.
    /// Only one agent can ever hold the ticket.
    /// </summary>
    /// <param name="agentId">The agent the desk offered the ticket to.</param>
    /// <param name="tier">The tier whose queue the offer took it from.</param>
    /// <param name="escalated">The desk's agent escalation of the ticket not yet seen confirmed (see <see cref="UnconfirmedEscalation"/>).</param>
    [Alias("Assign")]
    Task<OfferOutcome> Assign(string agentId, string tier, UnconfirmedEscalation? escalated = null);

    /// <summary>Called by the holding agent's grain: the work is done. Repeating it as the agent that resolved the ticket is harmless.</summary>
    [Alias("Resolve")]
    Task Resolve(string agentId);

    /// <summary>Called by the holding agent's grain: move the ticket up; returns the new tier.</summary>
    [Alias("Escalate")]
    Task<Placement> Escalate(string agentId, string reason, string? toTier);

    /// <summary>Called by the desk when it escalated the ticket from its queue (wait timeout).</summary>
    [Alias("DeskEscalated")]
    Task DeskEscalated(DeskAction action);

    /// <summary>The customer withdraws a waiting ticket.</summary>
    [Alias("Abandon")]
    Task Abandon(string reason);

    /// <summary>A resolved ticket comes back and is queued again.</summary>
    [Alias("Reopen")]
    Task<Ticket> Reopen(string reason);
}
