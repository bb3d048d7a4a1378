using System.Collections.Immutable;
using SupportQueue.Core.Model;

namespace SupportQueue.Silo.Api;

/// <summary>A ticket: where it is, who holds it, its SLA verdicts so far and its history.</summary>
public sealed record TicketResponse(
    string TicketId,
    string DeskId,
    Priority Priority,
    ImmutableArray<string> Skills,
    string? EntryTier,
    string? Subject,
    TicketStatus Status,
    string? Tier,
    string? AgentId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FirstAssignedAt,
    DateTimeOffset? ResolvedAt,
    int Reopens,
    bool? FirstResponseMet,
    bool? ResolutionMet,
    ImmutableArray<TicketEventResponse> History);
