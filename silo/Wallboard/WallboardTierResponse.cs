namespace SupportQueue.Silo.Wallboard;

/// <summary>
/// One line of the wallboard: a tier (or the desk's total, <c>tier</c> "All"). Waiting counts every
/// ticket not yet taken (queued or being offered); the day's figures run from the desk's midnight.
/// </summary>
public sealed record WallboardTierResponse(
    string Tier,
    int Waiting,
    TimeSpan OldestWait,
    int Available,
    int OnBreak,
    int Offline,
    int Held,
    long OfferedToday,
    long AnsweredToday,
    long AbandonedToday,
    double? ServiceLevelToday,
    TimeSpan? AverageSpeedOfAnswerToday);
