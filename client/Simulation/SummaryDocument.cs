namespace SupportQueue.Client.Simulation;

/// <summary>The whole of summary.json.</summary>
public sealed record SummaryDocument(
    string Scenario,
    DateTime Start,
    double HorizonMinutes,
    double WarmUpMinutes,
    int IntervalMinutes,
    int Replications,
    ulong Seed,
    string Mode,
    DateTimeOffset GeneratedAt,
    ObjectiveDocument ServiceLevelObjective,
    IReadOnlyDictionary<string, TotalDocument> Totals,
    SeriesDocument Series);
