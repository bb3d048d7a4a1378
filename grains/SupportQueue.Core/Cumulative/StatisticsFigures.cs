using SupportQueue.Core.Model;

namespace SupportQueue.Core.Cumulative;

/// <summary>Offered, answered, abandoned, service level and ASA of one slice of a period.</summary>
/// <param name="Tier">The tier, or null for every tier.</param>
/// <param name="Priority">The priority, or null for every priority.</param>
/// <param name="Offered">New tickets that entered the desk.</param>
/// <param name="Answered">First responses.</param>
/// <param name="AnsweredWithinTarget">First responses within the priority's first-response target.</param>
/// <param name="Abandoned">Customers who left before their first response.</param>
/// <param name="ServiceLevel">AnsweredWithinTarget ÷ (Answered + Abandoned): abandons count as misses; null when neither happened.</param>
/// <param name="AverageSpeedOfAnswer">Mean wait from creation to first response of the answered tickets; null when none was answered.</param>
[GenerateSerializer, Immutable, Alias("SupportQueue.StatisticsFigures")]
public sealed record StatisticsFigures(
    [property: Id(0)] string? Tier,
    [property: Id(1)] Priority? Priority,
    [property: Id(2)] long Offered,
    [property: Id(3)] long Answered,
    [property: Id(4)] long AnsweredWithinTarget,
    [property: Id(5)] long Abandoned,
    [property: Id(6)] double? ServiceLevel,
    [property: Id(7)] TimeSpan? AverageSpeedOfAnswer);
