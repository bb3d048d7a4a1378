namespace SupportQueue.Core.Model;

/// <summary>One entry of a ticket's history.</summary>
[GenerateSerializer, Immutable, Alias("SupportQueue.TicketEvent")]
public sealed record TicketEvent(
    [property: Id(0)] TicketEventKind Kind,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string? Tier = null,
    [property: Id(3)] string? AgentId = null,
    [property: Id(4)] string? Reason = null);
