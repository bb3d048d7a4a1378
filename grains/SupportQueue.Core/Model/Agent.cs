namespace SupportQueue.Core.Model;

/// <summary>
/// An agent's own view of itself: presence and the tickets it holds. It is the authority on
/// capacity: <see cref="CheckCanAccept"/> refuses work beyond <see cref="Capacity"/> whatever the
/// desk believes. Mutable and serializable so a grain can persist it as its state.
/// </summary>
[GenerateSerializer, Alias("SupportQueue.Agent")]
public sealed class Agent
{
    [Id(0)] public string Id { get; set; } = "";
    [Id(1)] public string DeskId { get; set; } = "";
    [Id(2)] public string Tier { get; set; } = "";
    [Id(3)] public List<SkillLevel> Skills { get; set; } = [];
    [Id(4)] public int Capacity { get; set; } = 1;
    [Id(5)] public Presence Presence { get; set; } = Presence.Offline;
    [Id(6)] public List<string> Assignments { get; set; } = [];
    [Id(7)] public DateTimeOffset PresenceSince { get; set; }
    [Id(8)] public long Resolved { get; set; }
    [Id(9)] public long Escalated { get; set; }

    public bool Exists => Id.Length > 0;

    public AgentSpec ToSpec() => new(Id, DeskId, Tier, [.. Skills], Capacity);

    public static Agent Create(AgentSpec spec, DeskSettings desk, DateTimeOffset at)
    {
        spec.Validate(desk);
        return new Agent
        {
            Id = spec.AgentId,
            DeskId = spec.DeskId,
            Tier = desk.Tiers[desk.TierIndex(spec.Tier)].Name,
            Skills = [.. spec.SkillLevels],
            Capacity = spec.Capacity,
            PresenceSince = at,
        };
    }

    /// <summary>Changes the standing configuration; current assignments stay with the agent.</summary>
    public void Reconfigure(AgentSpec spec, DeskSettings desk)
    {
        RequireSameDesk(spec);
        spec.Validate(desk);
        Tier = desk.Tiers[desk.TierIndex(spec.Tier)].Name;
        Skills = [.. spec.SkillLevels];
        Capacity = spec.Capacity;
    }

    /// <summary>An agent stays on its desk: a spec naming another desk is refused (before anything is told of it).</summary>
    public void RequireSameDesk(AgentSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.DeskId != DeskId)
        {
            throw SupportQueueException.Invalid("deskId", spec.DeskId, $"agent '{Id}' belongs to desk '{DeskId}'");
        }
    }

    public bool Holds(string ticketId) => Assignments.Contains(ticketId);

    /// <summary>Null when the agent can take one more ticket, otherwise why not.</summary>
    public RefusalCode? CheckCanAccept()
    {
        if (Presence != Presence.Available)
        {
            return RefusalCode.AgentUnavailable;
        }

        return Assignments.Count >= Capacity ? RefusalCode.AgentAtCapacity : null;
    }

    public void Accept(string ticketId)
    {
        if (Holds(ticketId))
        {
            return;
        }

        if (CheckCanAccept() is { } refusal)
        {
            throw new SupportQueueException(refusal, $"agent '{Id}': cannot take ticket '{ticketId}' ({refusal}, {Assignments.Count}/{Capacity} held, {Presence})");
        }

        Assignments.Add(ticketId);
    }

    /// <summary>Throws NotYourTicket unless the agent holds the ticket.</summary>
    public void RequireHolds(string ticketId)
    {
        if (!Holds(ticketId))
        {
            throw new SupportQueueException(RefusalCode.NotYourTicket, $"ticketId: '{ticketId}' — not held by agent '{Id}'");
        }
    }

    /// <summary>
    /// Drops a ticket this record still lists although the ticket's own record, the authority on
    /// who holds it, says this agent does not: a resolve or escalation whose ticket write was stored
    /// while the agent's write was lost (its silo died in between). Without this the slot would stay
    /// taken for good. Returns whether the record changed.
    /// </summary>
    /// <param name="ticketId">A ticket the record lists.</param>
    /// <param name="ticket">The ticket's stored record; null when it has none.</param>
    public bool ForgetUnlessHolder(string ticketId, Ticket? ticket)
    {
        if (!Holds(ticketId) || ticket?.IsHeldBy(Id) == true)
        {
            return false;
        }

        Assignments.Remove(ticketId);
        return true;
    }

    public void Finish(string ticketId, bool escalated)
    {
        RequireHolds(ticketId);
        Assignments.Remove(ticketId);
        if (escalated)
        {
            Escalated++;
        }
        else
        {
            Resolved++;
        }
    }

    public void SetPresence(Presence presence, DateTimeOffset at)
    {
        if (!Enum.IsDefined(presence))
        {
            throw SupportQueueException.Invalid("presence", presence.ToString(), "must be Offline, Available or Break");
        }

        if (presence != Presence)
        {
            Presence = presence;
            PresenceSince = at;
        }
    }
}
