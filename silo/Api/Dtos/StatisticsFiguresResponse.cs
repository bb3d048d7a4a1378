using SupportQueue.Core.Model;

namespace SupportQueue.Silo.Api;

/// <summary>
/// One slice of a period: new tickets offered, first responses (answered, and of those within the
/// priority's first-response target), abandons before a first response; service level =
/// answeredWithinTarget ÷ (answered + abandoned), null when neither happened; ASA = mean wait to
/// the first response, null when none was answered.
/// </summary>
public sealed record StatisticsFiguresResponse(
    string? Tier,
    Priority? Priority,
    long Offered,
    long Answered,
    long AnsweredWithinTarget,
    long Abandoned,
    double? ServiceLevel,
    TimeSpan? AverageSpeedOfAnswer);
