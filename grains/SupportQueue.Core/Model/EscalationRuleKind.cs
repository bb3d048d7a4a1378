namespace SupportQueue.Core.Model;

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
