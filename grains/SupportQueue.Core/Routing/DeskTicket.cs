using SupportQueue.Core.Model;

namespace SupportQueue.Core.Routing;

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
