
namespace SupportQueue.Core.Demand;

/// <summary>
/// A one-off multiplier (e.g. Black Friday ×4, an outage ×0) over the half-open wall-clock range
/// [<see cref="From"/>, <see cref="To"/>). Both ends must fall on interval boundaries so every
/// interval is either wholly inside or wholly outside, keeping the rate piecewise constant per
/// interval. Overlapping events multiply.
/// </summary>
[GenerateSerializer, Immutable, Alias("SupportQueue.DemandEvent")]
public sealed record DemandEvent
{
    [Id(0)]
    public string Name { get; init; } = string.Empty;

    [Id(1)]
    public DateTime From { get; init; }

    [Id(2)]
    public DateTime To { get; init; }

    [Id(3)]
    public double Factor { get; init; } = 1.0;
}
