using SupportQueue.Core.Model;

namespace SupportQueue.Core.Escalation;

/// <summary>
/// What an escalation policy may know about a ticket. <see cref="TicketId"/> is empty for a ticket
/// its host addresses by handle alone (the in-process simulator's).
/// </summary>
public readonly record struct TicketView(string TicketId, Priority Priority, IReadOnlyList<string> Skills, string? RequestedEntryTier);
