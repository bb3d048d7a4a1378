using Orleans.Concurrency;
using SupportQueue.Core.Model;
using SupportQueue.Core.Routing;

namespace SupportQueue.Grains;

/// <summary>One per agent (key: agent id). The authority on the agent's presence and capacity.</summary>
[Alias("SupportQueue.Grains.IAgentGrain")]
public interface IAgentGrain : IGrainWithStringKey
{
    /// <summary>Creates the agent or updates its tier, skills and capacity on its desk.</summary>
    [Alias("Register")]
    Task<Agent> Register(AgentSpec spec);

    /// <summary>The agent and the tickets it holds; throws UnknownAgent when never registered.</summary>
    /// <remarks>Read-only, so it may interleave: a desk rebuilding after a restart reads agents and tickets that may be waiting on the desk.</remarks>
    [AlwaysInterleave]
    [Alias("Get")]
    Task<Agent> Get();

    /// <summary>Signs in (Available), takes a break, or signs out (Offline). Held tickets stay held.</summary>
    [Alias("SetPresence")]
    Task SetPresence(Presence presence);

    /// <summary>Called by the desk: take this ticket if presence and capacity allow.</summary>
    [Alias("Offer")]
    Task<OfferReply> Offer(Offer offer);

    /// <summary>
    /// Reconciliation: the ticket grain records this agent as its holder, so the agent holds it,
    /// even if the agent's own record of accepting it was lost in a crash.
    /// </summary>
    [Alias("Adopt")]
    Task Adopt(string ticketId);

    /// <summary>The agent resolved a ticket it holds.</summary>
    [Alias("Resolve")]
    Task Resolve(string ticketId);

    /// <summary>The agent escalates a ticket it holds, with a reason; returns the new tier.</summary>
    [Alias("Escalate")]
    Task<Placement> Escalate(string ticketId, string reason, string? toTier = null);
}
