namespace SupportQueue.Core.History;

/// <summary>Handling time worked at one tier, in minutes (the sum when the tier was touched more than once).</summary>
[GenerateSerializer, Immutable, Alias("SupportQueue.TierMinutes")]
public sealed record TierMinutes([property: Id(0)] string Tier, [property: Id(1)] double Minutes);
