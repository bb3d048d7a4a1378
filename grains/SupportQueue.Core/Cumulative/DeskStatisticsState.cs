using System.Collections.Immutable;

namespace SupportQueue.Core.Cumulative;

/// <summary>
/// <see cref="DeskStatistics"/> as stored with the desk's state, so a new activation goes on
/// counting where the last one stopped instead of starting the day at zero.
/// </summary>
/// <param name="Day">The desk's current day (<see cref="DateOnly.DayNumber"/> in the desk's time zone).</param>
/// <param name="Today">Counts since the desk's midnight.</param>
/// <param name="Minutes">The minutes of the rolling hour that have counts.</param>
[GenerateSerializer, Immutable, Alias("SupportQueue.DeskStatisticsState")]
public sealed record DeskStatisticsState(
    [property: Id(0)] int Day,
    [property: Id(1)] ImmutableArray<StatisticsCell> Today,
    [property: Id(2)] ImmutableArray<StatisticsMinute> Minutes);
