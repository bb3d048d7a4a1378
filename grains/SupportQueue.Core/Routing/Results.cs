using System.Collections.Immutable;
using SupportQueue.Core.Model;

namespace SupportQueue.Core.Routing;

/// <summary>
/// A reservation: the desk proposes <see cref="TicketId"/> to <see cref="AgentId"/>. The ticket stays
/// in its queue (at its position) until the offer is confirmed; a declined or expired offer puts
/// it back exactly where it was.
/// </summary>
[GenerateSerializer, Immutable, Alias("SupportQueue.Offer")]
public sealed record Offer(
    [property: Id(0)] long ReservationId,
    [property: Id(1)] string TicketId,
    [property: Id(2)] string AgentId,
    [property: Id(3)] string Tier,
    [property: Id(4)] DateTimeOffset OfferedAt,
    [property: Id(5)] DateTimeOffset ExpiresAt,
    [property: Id(6)] bool Borrowed,
    [property: Id(7)] UnconfirmedEscalation? Escalated = null);

/// <summary>
/// The agent escalation that put an offered ticket where it waits, sent along with the offer while
/// nothing else has happened to the ticket since: the ticket's own record may still say that agent
/// holds it (its silo died, or its write failed, after the desk moved it), and it then applies the
/// escalation first instead of refusing a ticket it believes is taken.
/// </summary>
/// <param name="AgentId">The agent that escalated the ticket.</param>
/// <param name="Tier">The tier the escalation queued it at.</param>
/// <param name="At">When the desk escalated it.</param>
/// <param name="Reason">The reason the ticket records: the policy's, else the agent's.</param>
[GenerateSerializer, Immutable, Alias("SupportQueue.UnconfirmedEscalation")]
public sealed record UnconfirmedEscalation(
    [property: Id(0)] string AgentId,
    [property: Id(1)] string Tier,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] string Reason);

/// <summary>A ticket given to an agent, by handles, and the index of the tier whose queue it left.</summary>
public readonly record struct Assignment(int Ticket, int Agent, int Tier);

/// <summary>Where a ticket was queued and why it is not where it started.</summary>
/// <param name="TicketId">The ticket.</param>
/// <param name="Tier">The tier whose queue it joined.</param>
/// <param name="Reason">Why it is not at its entry tier, if it is not.</param>
/// <param name="Sla">The desk's SLA for the ticket's priority, on admission (so the ticket needs no second call to learn it).</param>
[GenerateSerializer, Immutable, Alias("SupportQueue.Placement")]
public sealed record Placement(
    [property: Id(0)] string TicketId,
    [property: Id(1)] string Tier,
    [property: Id(2)] string? Reason,
    [property: Id(3)] SlaTarget? Sla = null);

/// <summary>What the desk did on its own when time advanced.</summary>
public enum DeskActionKind
{
    /// <summary>A ticket waited too long and moved up a tier.</summary>
    WaitEscalated,

    /// <summary>An offer was not answered in time; the ticket is back in its queue.</summary>
    OfferExpired,
}

[GenerateSerializer, Immutable, Alias("SupportQueue.DeskAction")]
public sealed record DeskAction(
    [property: Id(0)] DeskActionKind Kind,
    [property: Id(1)] string TicketId,
    [property: Id(2)] string FromTier,
    [property: Id(3)] string ToTier,
    [property: Id(4)] string? AgentId,
    [property: Id(5)] string Reason,
    [property: Id(6)] DateTimeOffset At);

/// <summary>How an offer ended, as reported by the agent side.</summary>
public enum OfferOutcome
{
    Accepted,

    /// <summary>The agent could not take it (busy, on a break, offline, failed to answer).</summary>
    Declined,

    /// <summary>The ticket no longer needs an agent: it was resolved, abandoned or is held elsewhere.</summary>
    TicketGone,
}

[GenerateSerializer, Immutable, Alias("SupportQueue.TierStatus")]
public sealed record TierStatus(
    [property: Id(0)] string Tier,
    [property: Id(1)] int Queued,
    [property: Id(2)] int Offered,
    [property: Id(3)] TimeSpan OldestWait,
    [property: Id(4)] int Available,
    [property: Id(5)] int OnBreak,
    [property: Id(6)] int Offline,
    [property: Id(7)] int Assigned,
    [property: Id(8)] int FreeCapacity);

[GenerateSerializer, Immutable, Alias("SupportQueue.SlaCounters")]
public sealed record SlaCounters(
    [property: Id(0)] Priority Priority,
    [property: Id(1)] long FirstResponseMet,
    [property: Id(2)] long FirstResponseBreached,
    [property: Id(3)] long ResolutionMet,
    [property: Id(4)] long ResolutionBreached,
    [property: Id(5)] int OpenPastFirstResponse);

[GenerateSerializer, Immutable, Alias("SupportQueue.DeskStatus")]
public sealed record DeskStatus(
    [property: Id(0)] string DeskId,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] ImmutableArray<TierStatus> Tiers,
    [property: Id(3)] ImmutableArray<SlaCounters> Sla,
    [property: Id(4)] long Submitted,
    [property: Id(5)] long Resolved,
    [property: Id(6)] long Abandoned,
    [property: Id(7)] long Escalations,
    [property: Id(8)] int Open,
    [property: Id(9)] long Reopened = 0,
    [property: Id(10)] long Withdrawn = 0);
