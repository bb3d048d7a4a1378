
namespace SupportQueue.Core.Randomness;

/// <summary>Family of a <see cref="DistributionSpec"/>; written in lower case in scenario files.</summary>
public enum DistributionKind
{
    // Zero is deliberately undefined so that a spec without "kind" fails validation instead of
    // silently becoming the first family.
    Exponential = 1,

    Lognormal = 2,

    Gamma = 3,

    Fixed = 4,

    Empirical = 5,

    Uniform = 6,
}
