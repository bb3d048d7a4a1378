using System.Collections.Immutable;
using SupportQueue.Core.Model;

namespace SupportQueue.Silo.Api;

/// <summary>POST /tickets: a ticket to route. Fields are optional on the wire so a missing one is named in the refusal.</summary>
/// <param name="TicketId">The caller's id for the ticket (printable, at most 128 characters); re-sending the same body under it is safe.</param>
/// <param name="DeskId">The desk that routes it.</param>
/// <param name="Priority">P1 (most urgent) to P4.</param>
/// <param name="Skills">Skills an agent needs to take it.</param>
/// <param name="EntryTier">A tier to start at; omitted lets the desk's policy decide.</param>
/// <param name="Subject">Free text, at most 500 characters, no control characters.</param>
public sealed record TicketRequest(
    string? TicketId,
    string? DeskId,
    Priority? Priority,
    ImmutableArray<string>? Skills = null,
    string? EntryTier = null,
    string? Subject = null);
