using SupportQueue.Core.Model;

namespace SupportQueue.Core.Routing;

/// <summary>
/// Queue order. With aging, a ticket's effective priority rises one step per aging step waited:
/// ordering by (age basis + (priority − 1) × step) is exactly that, and it does not change as time
/// passes, so a heap keeps it without re-sorting. Without aging: priority, then age. Ties by
/// arrival sequence, so the order is total and deterministic.
/// </summary>
public readonly record struct QueueKey(long Rank, long Age, long Sequence) : IComparable<QueueKey>
{
    public static QueueKey For(Priority priority, DateTimeOffset ageBasis, TimeSpan? agingStep, long sequence) =>
        agingStep is { } step
            ? new QueueKey(0, ageBasis.UtcTicks + ((int)priority - 1) * step.Ticks, sequence)
            : new QueueKey((int)priority, ageBasis.UtcTicks, sequence);

    public int CompareTo(QueueKey other)
    {
        var c = Rank.CompareTo(other.Rank);
        if (c != 0)
        {
            return c;
        }

        c = Age.CompareTo(other.Age);
        return c != 0 ? c : Sequence.CompareTo(other.Sequence);
    }
}

/// <summary>Where an open ticket stands from the desk's point of view.</summary>
public enum DeskTicketState
{
    Queued,
    Offered,
    Assigned,

    /// <summary>Left the desk (resolved or abandoned); any heap entry still naming it is stale.</summary>
    Closed,
}

/// <summary>
/// The desk's record of one open ticket. Once closed, the object may be reused for a later ticket:
/// <see cref="Epoch"/> keeps counting across uses and each use starts at a new value, so a heap
/// entry or deadline left from an earlier use never matches the current one, even for a ticket
/// that is requeued without a new queue entry (restored as held, then handed back).
/// </summary>
internal sealed class DeskTicket
{
    /// <summary>Null for a ticket its host addresses by handle alone.</summary>
    public string? Id { get; private set; }

    /// <summary>Slot on the desk while open; -1 once closed.</summary>
    public int Handle { get; set; } = -1;

    /// <summary>The id, or the handle for a ticket without one: for messages and records.</summary>
    public string Name => Id ?? $"#{Handle}";
    public Priority Priority { get; private set; }
    public string[] Skills { get; private set; } = [];

    /// <summary>The desk's number for the ticket's skill set: tickets with the same set share a heap.</summary>
    public int SkillGroup { get; private set; }
    public string? RequestedEntryTier { get; private set; }
    public DateTimeOffset AgeBasis { get; set; }
    public int Tier { get; set; }
    public DeskTicketState State { get; set; }
    public DateTimeOffset QueuedAt { get; set; }
    public QueueKey Key { get; set; }

    /// <summary>Bumped on every queue entry so stale heap entries and deadlines can be recognised.</summary>
    public int Epoch { get; set; }
    public PoolAgent? Agent { get; set; }
    public long ReservationId { get; set; }
    public DateTimeOffset AssignedAt { get; set; }
    public bool Responded { get; set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>
    /// The agent escalation that queued the ticket where it now waits, kept only while nothing else
    /// has happened to it there (no offer, no assignment, no further escalation): a repeat of that
    /// escalation is answered from it. Null otherwise.
    /// </summary>
    public AgentEscalation? Escalation { get; set; }

    /// <summary>Makes this the record of a newly admitted ticket; everything starts afresh, the epoch at a value no earlier use had.</summary>
    public void Start(string? id, Priority priority, string[] skills, int skillGroup, string? requestedEntryTier, DateTimeOffset createdAt, bool responded)
    {
        Epoch++;
        Id = id;
        Handle = -1;
        Priority = priority;

        // A reused record usually gets the same (shared) skill array and entry tier as before:
        // skipping the unchanged reference stores saves their GC write barriers.
        if (!ReferenceEquals(Skills, skills))
        {
            Skills = skills;
        }

        SkillGroup = skillGroup;
        if (!ReferenceEquals(RequestedEntryTier, requestedEntryTier))
        {
            RequestedEntryTier = requestedEntryTier;
        }

        AgeBasis = createdAt;
        Tier = 0;
        State = DeskTicketState.Queued;
        QueuedAt = default;
        Key = default;
        Agent = null;
        ReservationId = 0;
        AssignedAt = default;
        Responded = responded;
        CreatedAt = createdAt;
        Escalation = null;
    }
}

/// <summary>
/// An agent's escalation as asked (<see cref="RequestedTier"/>: the tier named in the request, -1
/// when the policy chose), as answered, and as the ticket records it (<see cref="Unconfirmed"/>,
/// which names the agent and is sent with the ticket's next offer).
/// </summary>
internal sealed record AgentEscalation(int RequestedTier, Placement Placement, UnconfirmedEscalation Unconfirmed);
