namespace SupportQueue.Core.Simulation;

/// <summary>A break inside a shift: starts <see cref="After"/> into the shift.</summary>
[GenerateSerializer, Immutable, Alias("SupportQueue.BreakSpec")]
public sealed record BreakSpec(
    [property: Id(0)] TimeSpan After,
    [property: Id(1)] TimeSpan Duration);
