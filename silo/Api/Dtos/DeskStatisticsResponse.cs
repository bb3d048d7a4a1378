namespace SupportQueue.Silo.Api;

/// <summary>
/// A desk's cumulative statistics: <c>today</c> since the desk's midnight in <c>timeZone</c>, and
/// <c>lastHour</c> (the current minute and the 59 before it); <c>serviceLevelTarget</c> from the
/// desk's settings.
/// </summary>
public sealed record DeskStatisticsResponse(
    string DeskId,
    DateTimeOffset At,
    string TimeZone,
    double ServiceLevelTarget,
    StatisticsWindowResponse Today,
    StatisticsWindowResponse LastHour);
