using System.Collections.Immutable;

namespace SupportQueue.Core.Simulation;

/// <summary>
/// A tier's service-level objective: <see cref="Target"/> of the tickets joining its queue answered
/// within <see cref="Threshold"/>. Read from <see cref="Scenario.TierObjective"/> (serviceLevel.tiers, defaulting to the desk-wide pair).
/// </summary>
public sealed record TierTarget(TimeSpan Threshold, double Target)
{
    /// <summary>The objective of each tier, in desk tier order.</summary>
    public static ImmutableArray<TierTarget> For(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var builder = ImmutableArray.CreateBuilder<TierTarget>(scenario.Desk.TierCount);
        for (var t = 0; t < scenario.Desk.TierCount; t++)
        {
            var (threshold, target) = scenario.TierObjective(t);
            builder.Add(new TierTarget(threshold, target));
        }

        return builder.MoveToImmutable();
    }
}
