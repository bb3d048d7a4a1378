using System.Collections.Immutable;
using Orleans.Concurrency;
using SupportQueue.Core.Model;
using SupportQueue.Core.Routing;

namespace SupportQueue.Grains;

/// <summary>One per desk (key: desk id). Hosts the desk's routing engine: queues, pools, offers, timeouts.</summary>
[Alias("SupportQueue.Grains.IDeskSchedulerGrain")]
public interface IDeskSchedulerGrain : IGrainWithStringKey
{
    /// <summary>Creates the desk or replaces its settings. Invalid settings are refused and change nothing.</summary>
    [Alias("Configure")]
    Task Configure(DeskSettings settings);

    /// <summary>The desk's settings; throws UnknownDesk when it was never configured.</summary>
    [Alias("GetSettings")]
    Task<DeskSettings> GetSettings();

    /// <summary>Live counters: queue length and oldest wait per tier, agents by presence, SLA counters.</summary>
    [Alias("GetStatus")]
    Task<DeskStatus> GetStatus();

    /// <summary>Cumulative statistics: today and the last hour, offered, answered, abandoned, service level, ASA, per tier and priority.</summary>
    [Alias("GetStatistics")]
    Task<Core.Cumulative.DeskStatisticsReport> GetStatistics();

    /// <summary>The agents in the desk's pools with presence and load; throws UnknownDesk when never configured.</summary>
    [ReadOnly]
    Task<ImmutableArray<DeskAgent>> GetAgents();

    /// <summary>A page of the tickets waiting at a tier, in queue order; throws UnknownDesk or InvalidArgument (tier).</summary>
    [ReadOnly]
    Task<WaitingPage> GetWaiting(string tier, int skip, int take);

    /// <summary>Completes when the desk has nothing left to offer or deliver right now. For tests, tools and the simulator.</summary>
    [Alias("WhenIdle")]
    Task WhenIdle();

    /// <summary>Called by a ticket grain: queue a new ticket; returns where it was queued.</summary>
    [Alias("Submit")]
    Task<Placement> Submit(TicketSpec spec, DateTimeOffset createdAt);

    /// <summary>
    /// Called by a ticket grain whose submit failed after the desk queued it (the ticket was not
    /// stored, the caller was refused): takes the waiting ticket back out. No-op when the desk
    /// does not have it.
    /// </summary>
    [Alias("Withdraw")]
    Task Withdraw(string ticketId);

    /// <summary>Called by a ticket grain: queue a resolved ticket again; returns where it was queued.</summary>
    [Alias("Reopen")]
    Task<Placement> Reopen(TicketSpec spec);

    /// <summary>Called by an agent grain: add or update the agent in its tier's pool.</summary>
    [Alias("RegisterAgent")]
    Task RegisterAgent(AgentSpec spec, Presence presence);

    /// <summary>Called by an agent grain when its presence changes.</summary>
    [Alias("SetPresence")]
    Task SetPresence(string agentId, Presence presence);

    /// <summary>Called by a ticket grain: the holding agent resolved it; frees the agent's capacity.</summary>
    [Alias("Resolved")]
    Task Resolved(string ticketId, string agentId);

    /// <summary>Called by a ticket grain: the holding agent escalates it; returns the new tier.</summary>
    [Alias("Escalate")]
    Task<Placement> Escalate(string ticketId, string agentId, string reason, string? toTier);

    /// <summary>Called by a ticket grain: the customer left the queue.</summary>
    [Alias("Abandon")]
    Task Abandon(string ticketId);

    /// <summary>Called by an agent grain that finds itself holding a ticket the desk thinks is still queued.</summary>
    [Alias("RecordAssigned")]
    Task RecordAssigned(string ticketId, string agentId);

    /// <summary>
    /// Called by an open ticket's durable reminder: if the desk lost the ticket (a restart), it
    /// takes it back exactly where the ticket says it is. No-op when the desk already has it.
    /// </summary>
    [Alias("Reconcile")]
    Task Reconcile(OpenTicket ticket);
}
