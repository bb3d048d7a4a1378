namespace SupportQueue.Core.Simulation;

/// <summary>One thing the desk did, in the order it did it.</summary>
[GenerateSerializer, Immutable, Alias("SupportQueue.JournalEntry")]
public readonly record struct JournalEntry(
    [property: Id(0)] JournalKind Kind,
    [property: Id(1)] string TicketId,
    [property: Id(2)] string? AgentId,
    [property: Id(3)] string Tier,
    [property: Id(4)] string? FromTier,
    [property: Id(5)] DateTimeOffset At);
