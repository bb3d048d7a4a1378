using System.Diagnostics.CodeAnalysis;
using SupportQueue.Core.Routing;

namespace SupportQueue.Core.Model;

/// <summary>
/// A ticket's lifecycle and history: New → Queued(tier) → Assigned(agent) → Resolved, or
/// Escalated → Queued(next tier) …, or Abandoned; a resolved ticket can be reopened.
/// Every transition checks its preconditions first and throws without changing anything when
/// they do not hold. Mutable and serializable so a grain can persist it as its state.
/// </summary>
[GenerateSerializer, Alias("SupportQueue.Ticket")]
public sealed class Ticket
{
    [Id(0)] public string Id { get; set; } = "";
    [Id(1)] public string DeskId { get; set; } = "";
    [Id(2)] public Priority Priority { get; set; } = Priority.P3;
    [Id(3)] public List<string> Skills { get; set; } = [];
    [Id(4)] public string? RequestedEntryTier { get; set; }
    [Id(5)] public string? Subject { get; set; }
    [Id(6)] public DateTimeOffset CreatedAt { get; set; }
    [Id(7)] public TicketStatus Status { get; set; } = TicketStatus.New;
    [Id(8)] public string? Tier { get; set; }
    [Id(9)] public string? AgentId { get; set; }
    [Id(10)] public DateTimeOffset? FirstAssignedAt { get; set; }
    [Id(11)] public DateTimeOffset? ResolvedAt { get; set; }
    [Id(12)] public int Reopens { get; set; }
    [Id(13)] public List<TicketEvent> History { get; set; } = [];

    /// <summary>Set when the ticket is created; the SLA targets in force for its priority.</summary>
    [Id(14)] public TimeSpan? FirstResponseTarget { get; set; }
    [Id(15)] public TimeSpan? ResolutionTarget { get; set; }

    /// <summary>Whether this ticket has been created (a fresh grain state has not).</summary>
    public bool Exists => Id.Length > 0;

    public static Ticket Create(TicketSpec spec, SlaTarget? sla, DateTimeOffset at)
    {
        spec.Validate();
        var ticket = new Ticket
        {
            Id = spec.TicketId,
            DeskId = spec.DeskId,
            Priority = spec.Priority,
            Skills = [.. spec.RequiredSkills],
            RequestedEntryTier = spec.EntryTier,
            Subject = spec.Subject,
            CreatedAt = at,
            FirstResponseTarget = sla?.FirstResponse,
            ResolutionTarget = sla?.Resolution,
        };
        ticket.History.Add(new TicketEvent(TicketEventKind.Created, at));
        return ticket;
    }

    /// <summary>
    /// Whether <paramref name="spec"/> is the submission that created this ticket (same desk,
    /// priority, skills, entry tier and subject): a client re-sending it after a lost reply gets the
    /// stored ticket; anything else under the same id is a different ticket, a duplicate.
    /// </summary>
    /// <param name="spec">The submission received again.</param>
    public bool IsSameSubmission(TicketSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return Exists
            && spec.TicketId == Id
            && spec.DeskId == DeskId
            && spec.Priority == Priority
            && spec.EntryTier == RequestedEntryTier
            && spec.Subject == Subject
            && spec.RequiredSkills.SequenceEqual(Skills, StringComparer.Ordinal);
    }

    /// <summary>
    /// The refusal of a different submission under this ticket's id. Ids are global, so another
    /// desk's caller is refused too, but learns nothing of this ticket; its own desk hears its status.
    /// </summary>
    /// <param name="spec">The submission refused.</param>
    public SupportQueueException DuplicateRefusal(TicketSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new SupportQueueException(RefusalCode.DuplicateTicket, spec.DeskId == DeskId
            ? $"ticketId: '{spec.TicketId}' — already submitted (status {Status})"
            : $"ticketId: '{spec.TicketId}' — already used; choose another id");
    }

    /// <summary>When the ticket last joined a queue (for the current tier), from its history.</summary>
    public DateTimeOffset LastQueuedAt()
    {
        for (var i = History.Count - 1; i >= 0; i--)
        {
            if (History[i].Kind == TicketEventKind.Queued)
            {
                return History[i].At;
            }
        }

        return CreatedAt;
    }

    public TicketSpec ToSpec() => new(Id, DeskId, Priority, [.. Skills], RequestedEntryTier, Subject);

    /// <summary>The desk put the ticket in a tier's queue (first time, after escalation or reopening).</summary>
    public void MarkQueued(string tier, DateTimeOffset at, string? reason = null)
    {
        Require(Status is TicketStatus.New or TicketStatus.Queued, "queue");
        Status = TicketStatus.Queued;
        Tier = tier;
        AgentId = null;
        History.Add(new TicketEvent(TicketEventKind.Queued, at, tier, Reason: reason));
    }

    /// <summary>
    /// How an offer to <paramref name="agentId"/> lands on the ticket: Accepted when it is assigned now or
    /// is already that agent's (a retried accept), TicketGone when it is held by someone else or no
    /// longer waiting. <paramref name="changed"/> says whether there is anything new to store.
    /// </summary>
    /// <param name="agentId">The agent the desk offered the ticket to.</param>
    /// <param name="tier">The tier whose queue the offer took it from.</param>
    /// <param name="at">When the offer is taken.</param>
    /// <param name="changed">Whether the record changed and must be stored.</param>
    /// <param name="escalated">
    /// The agent escalation the desk applied before this offer and has not seen confirmed. When this
    /// record still says that agent holds the ticket below that tier, the escalation's write was lost:
    /// it is applied first, as the desk did, so the ticket is not refused as taken (and withdrawn).
    /// </param>
    public OfferOutcome TakeOffer(string agentId, string tier, DateTimeOffset at, out bool changed, UnconfirmedEscalation? escalated = null)
    {
        changed = false;
        if (escalated is { } e && IsHeldBy(e.AgentId) && !string.Equals(Tier, e.Tier, StringComparison.OrdinalIgnoreCase))
        {
            Escalate(e.AgentId, e.Tier, e.At, e.Reason);
            changed = true;
        }

        if (IsHeldBy(agentId))
        {
            return OfferOutcome.Accepted;
        }

        if (Status != TicketStatus.Queued)
        {
            return OfferOutcome.TicketGone;
        }

        changed |= Assign(agentId, tier, at);
        return OfferOutcome.Accepted;
    }

    /// <summary>Whether <paramref name="agentId"/> holds the ticket now: this record is the authority on it.</summary>
    public bool IsHeldBy(string agentId) => Status == TicketStatus.Assigned && AgentId == agentId;

    /// <summary>
    /// An agent accepted the ticket. This is the fence against holding a ticket twice: only a
    /// queued ticket can be assigned. Returns false (and changes nothing) when the same agent
    /// already holds it, so a retried accept is harmless.
    /// </summary>
    public bool Assign(string agentId, string tier, DateTimeOffset at)
    {
        if (IsHeldBy(agentId))
        {
            return false;
        }

        if (Status == TicketStatus.Assigned)
        {
            throw new SupportQueueException(RefusalCode.InvalidTransition, $"ticket '{Id}': already assigned to agent '{AgentId}'");
        }

        Require(Status == TicketStatus.Queued, "assign");
        Status = TicketStatus.Assigned;
        AgentId = agentId;
        Tier = tier;
        FirstAssignedAt ??= at;
        History.Add(new TicketEvent(TicketEventKind.Assigned, at, tier, agentId));
        return true;
    }

    /// <summary>
    /// Whether <paramref name="agentId"/>'s escalation is the latest one and the ticket has left
    /// that agent: how a retried escalate whose first attempt was stored (but never answered)
    /// is told apart from an agent acting on a ticket it does not hold.
    /// </summary>
    /// <param name="agentId">The agent asking.</param>
    /// <param name="toTier">The tier the ticket was queued at by that escalation.</param>
    public bool WasLastEscalatedBy(string agentId, [NotNullWhen(true)] out string? toTier)
    {
        toTier = null;
        var last = History.FindLastIndex(e => e.Kind == TicketEventKind.Escalated);
        if (last < 0 || History[last].AgentId != agentId || AgentId == agentId)
        {
            return false;
        }

        toTier = History.Skip(last + 1).FirstOrDefault(e => e.Kind == TicketEventKind.Queued)?.Tier ?? Tier;
        return toTier is not null;
    }

    /// <summary>Whether the ticket is resolved and <paramref name="agentId"/> resolved it: a retried resolve, not a refusal.</summary>
    /// <param name="agentId">The agent asking.</param>
    public bool WasResolvedBy(string agentId) =>
        Status == TicketStatus.Resolved && History.LastOrDefault(e => e.Kind == TicketEventKind.Resolved)?.AgentId == agentId;

    /// <summary>
    /// Moves the ticket to a higher tier's queue. <paramref name="agentId"/> is the holder for an
    /// agent-initiated escalation, or null when the desk escalates a queued ticket.
    /// </summary>
    public void Escalate(string? agentId, string toTier, DateTimeOffset at, string reason)
    {
        if (agentId is null)
        {
            Require(Status == TicketStatus.Queued, "escalate from the queue");
        }
        else
        {
            RequireHolder(agentId);
        }

        var from = Tier;
        History.Add(new TicketEvent(TicketEventKind.Escalated, at, from, agentId, $"{from} → {toTier}: {reason}"));
        Status = TicketStatus.Queued;
        AgentId = null;
        Tier = toTier;
        History.Add(new TicketEvent(TicketEventKind.Queued, at, toTier, Reason: "escalated"));
    }

    public void Resolve(string agentId, DateTimeOffset at)
    {
        RequireHolder(agentId);
        Status = TicketStatus.Resolved;
        ResolvedAt = at;
        AgentId = null;
        History.Add(new TicketEvent(TicketEventKind.Resolved, at, Tier, agentId));
    }

    /// <summary>The customer gave up (or withdrew the ticket) while it waited.</summary>
    public void Abandon(DateTimeOffset at, string reason = "customer left the queue")
    {
        Require(Status is TicketStatus.Queued or TicketStatus.New, "abandon");
        Status = TicketStatus.Abandoned;
        History.Add(new TicketEvent(TicketEventKind.Abandoned, at, Tier, Reason: reason));
    }

    /// <summary>Refuses an abandon the desk must not hear of: only a waiting customer can leave the queue.</summary>
    public void RequireWaiting() => Require(Status == TicketStatus.Queued, "abandon");

    /// <summary>Refuses a reopen before the desk is asked to queue the ticket again.</summary>
    public void RequireResolved() => Require(Status == TicketStatus.Resolved, "reopen");

    /// <summary>A resolved ticket comes back; the desk queues it again.</summary>
    public void Reopen(DateTimeOffset at, string reason)
    {
        Require(Status == TicketStatus.Resolved, "reopen");
        Status = TicketStatus.New;
        Reopens++;
        ResolvedAt = null;
        History.Add(new TicketEvent(TicketEventKind.Reopened, at, Tier, Reason: reason));
    }

    /// <summary>
    /// Records, once each, the SLA targets that have passed unmet by <paramref name="now"/>, stamped
    /// with the moment they passed (which may be earlier than now: a timer after a restart).
    /// Returns whether anything was added.
    /// </summary>
    public bool RecordSlaBreaches(DateTimeOffset now)
    {
        var added = false;
        if (FirstResponseTarget is { } fr && (FirstAssignedAt ?? now) - CreatedAt > fr)
        {
            added |= AddBreach(CreatedAt + fr, FirstResponseBreach);
        }

        if (ResolutionTarget is { } res && Status != TicketStatus.Abandoned && (ResolvedAt ?? now) - CreatedAt > res)
        {
            added |= AddBreach(CreatedAt + res, ResolutionBreach);
        }

        return added;
    }

    private const string FirstResponseBreach = "first response target passed";
    private const string ResolutionBreach = "resolution target passed";

    private bool AddBreach(DateTimeOffset at, string reason)
    {
        if (History.Exists(e => e.Kind == TicketEventKind.SlaBreached && e.Reason == reason))
        {
            return false;
        }

        // History stays in time order even when the breach is noticed late.
        var index = History.FindLastIndex(e => e.At <= at) + 1;
        History.Insert(index, new TicketEvent(TicketEventKind.SlaBreached, at, Tier, Reason: reason));
        return true;
    }

    /// <summary>SLA verdicts as far as they can be decided at <paramref name="now"/>.</summary>
    public SlaOutcome EvaluateSla(DateTimeOffset now) =>
        new(Verdict(FirstResponseTarget, FirstAssignedAt, now), Verdict(ResolutionTarget, ResolvedAt, now));

    private bool? Verdict(TimeSpan? target, DateTimeOffset? doneAt, DateTimeOffset now)
    {
        if (target is not { } t)
        {
            return null;
        }

        if (doneAt is { } done)
        {
            return done - CreatedAt <= t;
        }

        // Still open: already breached once the target has passed, otherwise undecided.
        return now - CreatedAt > t ? false : null;
    }

    /// <summary>Refuses unless <paramref name="agentId"/> holds the ticket now.</summary>
    /// <param name="agentId">The agent acting on it.</param>
    public void RequireHolder(string agentId)
    {
        if (Status != TicketStatus.Assigned)
        {
            throw new SupportQueueException(RefusalCode.InvalidTransition, $"ticket '{Id}': is {Status}, not assigned to anyone");
        }

        if (AgentId != agentId)
        {
            throw new SupportQueueException(RefusalCode.NotYourTicket, $"agentId: '{agentId}' — ticket '{Id}' is assigned to '{AgentId}'");
        }
    }

    private void Require(bool condition, string action)
    {
        if (!condition)
        {
            throw new SupportQueueException(RefusalCode.InvalidTransition, $"ticket '{Id}': cannot {action} a ticket that is {Status}");
        }
    }
}
