namespace SupportQueue.LoadTests.Runner;

/// <summary>What happened to one scenario's requests.</summary>
/// <param name="Name">Scenario name.</param>
/// <param name="PlannedDuration">Sum of its phases.</param>
/// <param name="Due">Open-model arrivals whose intended start came up.</param>
/// <param name="Started">Requests started (open and closed).</param>
/// <param name="Dropped">Open-model arrivals not started because of the in-flight bound.</param>
/// <param name="Late">Starts that trailed their intended time by more than the late-start threshold.</param>
/// <param name="Succeeded">Steps that returned success.</param>
/// <param name="Failed">Steps that failed or threw.</param>
/// <param name="Unfinished">Steps still running when the run gave up waiting.</param>
/// <param name="PeakInFlight">Most requests running at once.</param>
public sealed record ScenarioSummary(
    string Name,
    TimeSpan PlannedDuration,
    long Due,
    long Started,
    long Dropped,
    long Late,
    long Succeeded,
    long Failed,
    long Unfinished,
    int PeakInFlight);
