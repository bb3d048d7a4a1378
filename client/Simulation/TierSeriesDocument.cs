namespace SupportQueue.Client.Simulation;

/// <summary>Per-interval means of one tier. Ratios are ratios of mean counts.</summary>
public sealed record TierSeriesDocument(
    IReadOnlyList<double?> Offered,
    IReadOnlyList<double?> Answered,
    IReadOnlyList<double?> Abandoned,
    IReadOnlyList<double?> AnsweredWithinThreshold,
    IReadOnlyList<double?> ServiceLevel,
    IReadOnlyList<double?> AsaMinutes,
    IReadOnlyList<double?> Occupancy,
    IReadOnlyList<double?> Backlog,
    IReadOnlyList<double?> StaffedAgents,
    IReadOnlyList<double?> EscalatedOut);
