namespace SupportQueue.Core.Simulation;

/// <summary>
/// One tier's own service-level objective (e.g. L2 "80 % within an hour"). Either field may be
/// left out; it then takes the desk-wide value of <see cref="ServiceLevelSpec"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("SupportQueue.TierServiceLevel")]
public sealed record TierServiceLevel(
    [property: Id(0)] TimeSpan? Threshold = null,
    [property: Id(1)] double? Target = null);
