using System.Text.Json.Serialization;

namespace SupportQueue.Core.Demand;

/// <summary>
/// A one-off multiplier (e.g. Black Friday ×4, an outage ×0) over the half-open wall-clock range
/// [<see cref="From"/>, <see cref="To"/>). Both ends must fall on interval boundaries so every
/// interval is either wholly inside or wholly outside, keeping the rate piecewise constant per
/// interval. Overlapping events multiply.
/// </summary>
public sealed record DemandEvent
{
    [JsonPropertyName("name")]
    public string Name { get; init; } = string.Empty;

    [JsonPropertyName("from")]
    public DateTime From { get; init; }

    [JsonPropertyName("to")]
    public DateTime To { get; init; }

    [JsonPropertyName("factor")]
    public double Factor { get; init; } = 1.0;
}
