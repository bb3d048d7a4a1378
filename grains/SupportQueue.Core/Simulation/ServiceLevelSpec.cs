using SupportQueue.Core.Model;

namespace SupportQueue.Core.Simulation;

/// <summary>The service-level objective reports are drawn against: <see cref="Target"/> of tickets answered within <see cref="Threshold"/>.</summary>
[GenerateSerializer, Immutable, Alias("SupportQueue.ServiceLevelSpec")]
public sealed record ServiceLevelSpec(
    [property: Id(0)] TimeSpan Threshold,
    [property: Id(1)] double Target = 0.8,
    [property: Id(2)] Priority? Priority = null);
