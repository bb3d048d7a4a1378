using System.Text.Json.Serialization;

namespace SupportQueue.Core.Randomness;

/// <summary>One point of a weighted empirical distribution; weights need not sum to 1.</summary>
public sealed record WeightedValue
{
    [JsonPropertyName("value")]
    public double Value { get; init; }

    [JsonPropertyName("weight")]
    public double Weight { get; init; }
}
