using SupportQueue.Core.Randomness;

namespace SupportQueue.Core.Simulation;

/// <summary>A resolved ticket comes back with <see cref="Probability"/> after <see cref="Delay"/> (minutes).</summary>
[GenerateSerializer, Immutable, Alias("SupportQueue.ReopenSpec")]
public sealed record ReopenSpec(
    [property: Id(0)] double Probability,
    [property: Id(1)] DistributionSpec Delay);
