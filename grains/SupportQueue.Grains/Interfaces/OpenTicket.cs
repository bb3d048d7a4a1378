using SupportQueue.Core.Model;

namespace SupportQueue.Grains;

/// <summary>An open ticket as its own grain records it: what a desk needs to take it back after a restart.</summary>
[GenerateSerializer, Immutable, Alias("SupportQueue.OpenTicket")]
public sealed record OpenTicket(
    [property: Id(0)] TicketSpec Spec,
    [property: Id(1)] DateTimeOffset CreatedAt,
    [property: Id(2)] string Tier,
    [property: Id(3)] DateTimeOffset QueuedAt,
    [property: Id(4)] string? AgentId,
    [property: Id(5)] bool Responded);
