using SupportQueue.Core.Model;

namespace SupportQueue.Silo.Api;

/// <summary>One entry of a ticket's history.</summary>
public sealed record TicketEventResponse(TicketEventKind Kind, DateTimeOffset At, string? Tier, string? AgentId, string? Reason);
