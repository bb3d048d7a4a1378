namespace SupportQueue.Client.Simulation;

/// <summary>
/// The scenario's service-level objective and how the run did against it: overall (first response
/// within the threshold) and per tier (answered within the tier's own threshold of joining its queue).
/// </summary>
public sealed record ObjectiveDocument(
    string Threshold, double Target, string? Priority, TotalDocument? Achieved, string Verdict,
    IReadOnlyDictionary<string, TierObjectiveDocument>? Tiers = null);
