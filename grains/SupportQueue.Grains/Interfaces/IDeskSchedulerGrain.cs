using System.Collections.Immutable;
using SupportQueue.Core.Model;
using SupportQueue.Core.Routing;
using SupportQueue.Core.Simulation;

namespace SupportQueue.Grains;

/// <summary>What a journaling desk did since the last drain, in the engine's order, and when it next needs time to pass.</summary>
[GenerateSerializer, Immutable, Alias("SupportQueue.SettleReport")]
public sealed record SettleReport(
    [property: Id(0)] ImmutableArray<JournalEntry> Entries,
    [property: Id(1)] DateTimeOffset? NextDeadline);

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

    /// <summary>Completes when the desk has nothing left to offer or deliver right now. For tests, tools and the simulator.</summary>
    [Alias("WhenIdle")]
    Task WhenIdle();

    /// <summary>Called by a ticket grain: queue a new ticket; returns where it was queued.</summary>
    [Alias("Submit")]
    Task<Placement> Submit(TicketSpec spec, DateTimeOffset createdAt);

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

    /// <summary>Runs the invariant audit of the desk's engine; throws describing the first violation.</summary>
    [Alias("CheckInvariants")]
    Task CheckInvariants();

    /// <summary>
    /// Simulation only: from now on the desk records every assignment and every wait-timeout
    /// escalation it makes, for <see cref="DrainJournal"/>. Live desks leave it off.
    /// </summary>
    [Alias("EnableJournal")]
    Task EnableJournal();

    /// <summary>
    /// Simulation only: waits as <see cref="WhenIdle"/> does, then returns and forgets what the
    /// journal recorded since the last drain, with the desk's next deadline. Empty when the
    /// journal is off.
    /// </summary>
    [Alias("DrainJournal")]
    Task<SettleReport> DrainJournal();
}
