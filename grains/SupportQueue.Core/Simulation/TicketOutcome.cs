using SupportQueue.Core.Model;

namespace SupportQueue.Core.Simulation;

/// <summary>What happened to one ticket: its path through the tiers. Used to compare runs ticket by ticket.</summary>
[GenerateSerializer, Immutable, Alias("SupportQueue.TicketOutcome")]
public sealed record TicketOutcome(
    [property: Id(0)] string TicketId,
    [property: Id(1)] string Class,
    [property: Id(2)] Priority Priority,
    [property: Id(3)] double CreatedMinutes,
    [property: Id(4)] string Path,
    [property: Id(5)] string Ending,
    [property: Id(6)] double EndMinutes);
