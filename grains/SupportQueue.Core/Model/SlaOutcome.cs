namespace SupportQueue.Core.Model;

/// <summary>Whether a ticket met its SLA targets; null while it cannot be decided yet.</summary>
[GenerateSerializer, Immutable, Alias("SupportQueue.SlaOutcome")]
public sealed record SlaOutcome(
    [property: Id(0)] bool? FirstResponseMet,
    [property: Id(1)] bool? ResolutionMet);
