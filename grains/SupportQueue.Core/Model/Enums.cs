namespace SupportQueue.Core.Model;

/// <summary>Ticket severity; P1 is the most urgent.</summary>
public enum Priority
{
    P1 = 1,
    P2 = 2,
    P3 = 3,
    P4 = 4,
}

/// <summary>Whether an agent takes new work.</summary>
public enum Presence
{
    Offline,
    Available,
    Break,
}

/// <summary>Where a ticket is in its lifecycle.</summary>
public enum TicketStatus
{
    New,
    Queued,
    Assigned,
    Resolved,
    Abandoned,
}

/// <summary>What happened to a ticket; one entry of its history.</summary>
public enum TicketEventKind
{
    Created,
    Queued,
    Assigned,
    Released,
    Escalated,
    Resolved,
    Abandoned,
    Reopened,

    /// <summary>An SLA target passed unmet; stamped with the moment it passed.</summary>
    SlaBreached,
}

/// <summary>How a desk picks among the free agents eligible for a ticket.</summary>
public enum AgentSelection
{
    LongestIdle,
    LeastBusy,
    RoundRobin,
    BestSkill,
}

/// <summary>The declarative escalation rules a desk can combine.</summary>
public enum EscalationRuleKind
{
    /// <summary>Escalate a ticket that waited longer than <c>After</c> in <c>Tier</c>'s queue.</summary>
    WaitTimeout,

    /// <summary>Tickets of <c>Priority</c> enter at <c>EntryTier</c> instead of the first tier.</summary>
    SeverityBypass,

    /// <summary>Skip <c>Tier</c> when its queue or expected wait passes a limit.</summary>
    Overflow,

    /// <summary>Skip a tier where no agent holds every skill the ticket needs.</summary>
    SkillGap,
}
