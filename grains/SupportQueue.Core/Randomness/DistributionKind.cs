using System.Text.Json.Serialization;

namespace SupportQueue.Core.Randomness;

/// <summary>Family of a <see cref="DistributionSpec"/>; written in lower case in scenario files.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DistributionKind>))]
public enum DistributionKind
{
    // Zero is deliberately undefined so that a spec without "kind" fails validation instead of
    // silently becoming the first family.
    [JsonStringEnumMemberName("exponential")]
    Exponential = 1,

    [JsonStringEnumMemberName("lognormal")]
    Lognormal = 2,

    [JsonStringEnumMemberName("gamma")]
    Gamma = 3,

    [JsonStringEnumMemberName("fixed")]
    Fixed = 4,

    [JsonStringEnumMemberName("empirical")]
    Empirical = 5,

    [JsonStringEnumMemberName("uniform")]
    Uniform = 6,
}
