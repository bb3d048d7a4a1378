namespace SupportQueue.Client.Simulation;

public sealed record SeriesDocument(
    IReadOnlyList<DateTime> IntervalStarts,
    IReadOnlyList<double?> ExpectedArrivals,
    IReadOnlyDictionary<string, TierSeriesDocument> Tiers,
    IReadOnlyDictionary<string, PrioritySeriesDocument> Priorities);
