using System.Collections.Immutable;

namespace SupportQueue.Core.Cumulative;

/// <summary>One minute of the rolling hour, as stored with the desk.</summary>
/// <param name="Minute">Whole minutes since 0001-01-01 UTC.</param>
/// <param name="Cells">What happened in that minute, per tier and priority.</param>
[GenerateSerializer, Immutable, Alias("SupportQueue.StatisticsMinute")]
public sealed record StatisticsMinute(
    [property: Id(0)] long Minute,
    [property: Id(1)] ImmutableArray<StatisticsCell> Cells);
