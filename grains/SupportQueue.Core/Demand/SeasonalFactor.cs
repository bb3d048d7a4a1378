using System.Text.Json.Serialization;

namespace SupportQueue.Core.Demand;

/// <summary>Demand multiplier for whole calendar days <see cref="From"/> to <see cref="To"/>, both inclusive.</summary>
public sealed record SeasonalFactor
{
    [JsonPropertyName("from")]
    public DateOnly From { get; init; }

    [JsonPropertyName("to")]
    public DateOnly To { get; init; }

    [JsonPropertyName("factor")]
    public double Factor { get; init; } = 1.0;

    [JsonPropertyName("name")]
    public string? Name { get; init; }
}
