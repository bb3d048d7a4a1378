using System.Collections.Immutable;
using SupportQueue.Core.Model;

namespace SupportQueue.Core.Simulation;

/// <summary>
/// The service-level objective reports are drawn against: <see cref="Target"/> of tickets answered
/// within <see cref="Threshold"/>. The desk-wide pair judges the overall figure (time from creation
/// to first response) and is every tier's objective unless <see cref="Tiers"/> gives that tier its
/// own (time from joining the tier's queue to being answered there).
/// </summary>
[GenerateSerializer, Immutable, Alias("SupportQueue.ServiceLevelSpec")]
public sealed record ServiceLevelSpec(
    [property: Id(0)] TimeSpan Threshold,
    [property: Id(1)] double Target = 0.8,
    [property: Id(2)] Priority? Priority = null,
    [property: Id(3)] ImmutableDictionary<string, TierServiceLevel>? Tiers = null)
{
    /// <summary>The objective of the tier named <paramref name="tier"/>: its own values where given, else the desk-wide ones.</summary>
    public (TimeSpan Threshold, double Target) For(string tier)
    {
        var own = Tiers is not null && Tiers.TryGetValue(tier, out var t) ? t : null;
        return (own?.Threshold ?? Threshold, own?.Target ?? Target);
    }
}
