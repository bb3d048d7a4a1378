namespace SupportQueue.Core.Model;

/// <summary>
/// The order of tickets of equal (aged) priority within one tier's queue. It matters only for
/// tickets that reach a tier by escalation: at the entry tier, arrival and creation are the same moment.
/// </summary>
public enum QueueOrder
{
    /// <summary>
    /// First come, first served at each tier: an escalated ticket queues behind those already waiting
    /// at the tier it joins (its aging clock restarts there too). What queueing models (Erlang, Jackson
    /// networks) and per-tier service levels assume; the default.
    /// </summary>
    TierArrival,

    /// <summary>Oldest ticket first: an escalated ticket keeps its place by creation time and goes ahead of younger ones already waiting.</summary>
    TicketAge,
}
