namespace SupportQueue.Core.Model;

/// <summary>Why an operation was refused. Stable codes so callers (CLI, REST, tests) can branch on them.</summary>
public enum RefusalCode
{
    InvalidArgument,
    InvalidSettings,
    UnknownDesk,
    UnknownAgent,
    UnknownTicket,
    DuplicateTicket,
    DuplicateAgent,
    NotYourTicket,
    InvalidTransition,
    AgentUnavailable,
    AgentAtCapacity,
    QueueFull,
    NoHigherTier,
}
