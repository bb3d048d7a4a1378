namespace SupportQueue.LoadTests.Live;

/// <summary>What the live view shows; the runner's sampler replaces it once per interval.</summary>
internal sealed record LiveSnapshot(
    TimeSpan Elapsed,
    TimeSpan Planned,
    IReadOnlyList<LiveScenarioRow> Scenarios,
    IReadOnlyList<LiveOperationRow> Operations,
    double CpuPercent);
