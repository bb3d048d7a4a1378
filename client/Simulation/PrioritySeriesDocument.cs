namespace SupportQueue.Client.Simulation;

/// <summary>Per-interval means of one priority, by arrival interval.</summary>
public sealed record PrioritySeriesDocument(
    IReadOnlyList<double?> Arrivals,
    IReadOnlyList<double?> FirstResponseMet,
    IReadOnlyList<double?> FirstResponseMissed,
    IReadOnlyList<double?> ResolutionMet,
    IReadOnlyList<double?> ResolutionMissed,
    IReadOnlyList<double?> Abandoned,
    IReadOnlyList<double?>? Refused = null);
