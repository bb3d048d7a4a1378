
namespace SupportQueue.Core.Demand;

/// <summary>Demand multiplier for whole calendar days <see cref="From"/> to <see cref="To"/>, both inclusive.</summary>
[GenerateSerializer, Immutable, Alias("SupportQueue.SeasonalFactor")]
public sealed record SeasonalFactor
{
    [Id(0)]
    public DateOnly From { get; init; }

    [Id(1)]
    public DateOnly To { get; init; }

    [Id(2)]
    public double Factor { get; init; } = 1.0;

    [Id(3)]
    public string? Name { get; init; }
}
