using System.Collections.Immutable;

namespace SupportQueue.Core.Cumulative;

/// <summary>The figures of one period ([<see cref="From"/>, <see cref="To"/>)), in total, per tier and per priority.</summary>
[GenerateSerializer, Immutable, Alias("SupportQueue.StatisticsWindow")]
public sealed record StatisticsWindow(
    [property: Id(0)] DateTimeOffset From,
    [property: Id(1)] DateTimeOffset To,
    [property: Id(2)] StatisticsFigures Total,
    [property: Id(3)] ImmutableArray<StatisticsFigures> Tiers,
    [property: Id(4)] ImmutableArray<StatisticsFigures> Priorities);
