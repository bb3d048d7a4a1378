namespace SupportQueue.Core.Routing;

[GenerateSerializer, Immutable, Alias("SupportQueue.DeskAction")]
public sealed record DeskAction(
    [property: Id(0)] DeskActionKind Kind,
    [property: Id(1)] string TicketId,
    [property: Id(2)] string FromTier,
    [property: Id(3)] string ToTier,
    [property: Id(4)] string? AgentId,
    [property: Id(5)] string Reason,
    [property: Id(6)] DateTimeOffset At);
