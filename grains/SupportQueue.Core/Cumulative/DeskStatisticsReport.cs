namespace SupportQueue.Core.Cumulative;

/// <summary>A desk's cumulative statistics at <see cref="At"/>: since the desk's midnight, and over the last hour.</summary>
/// <param name="At">When the report was made.</param>
/// <param name="TimeZone">The zone whose midnight starts the desk's day.</param>
/// <param name="Today">Since midnight in <see cref="TimeZone"/>.</param>
/// <param name="LastHour">The current minute and the 59 before it.</param>
/// <param name="ServiceLevelTarget">The service level the desk aims at (0–1), for comparison.</param>
[GenerateSerializer, Immutable, Alias("SupportQueue.DeskStatisticsReport")]
public sealed record DeskStatisticsReport(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string TimeZone,
    [property: Id(2)] StatisticsWindow Today,
    [property: Id(3)] StatisticsWindow LastHour,
    [property: Id(4)] double ServiceLevelTarget);
