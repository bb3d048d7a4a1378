namespace SupportQueue.Core.Model;

/// <summary>SLA targets of one priority; a null target is not tracked.</summary>
[GenerateSerializer, Immutable, Alias("SupportQueue.SlaTarget")]
public sealed record SlaTarget(
    [property: Id(0)] Priority Priority,
    [property: Id(1)] TimeSpan? FirstResponse,
    [property: Id(2)] TimeSpan? Resolution);
