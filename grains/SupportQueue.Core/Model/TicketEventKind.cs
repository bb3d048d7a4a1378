namespace SupportQueue.Core.Model;

/// <summary>What happened to a ticket; one entry of its history.</summary>
public enum TicketEventKind
{
    Created,
    Queued,
    Assigned,

    /// <summary>Handed back unfinished. Nothing records it any more; kept so stored histories keep their values.</summary>
    Released,
    Escalated,
    Resolved,
    Abandoned,
    Reopened,

    /// <summary>An SLA target passed unmet; stamped with the moment it passed.</summary>
    SlaBreached,
}
