
namespace SupportQueue.Core.Randomness;

/// <summary>One point of a weighted empirical distribution; weights need not sum to 1.</summary>
[GenerateSerializer, Immutable, Alias("SupportQueue.WeightedValue")]
public sealed record WeightedValue
{
    [Id(0)]
    public double Value { get; init; }

    [Id(1)]
    public double Weight { get; init; }
}
