using SupportQueue.LoadTests.Scenarios;

namespace SupportQueue.LoadTests.Cli;

/// <summary>How a run was set up, for its report.</summary>
public sealed record OrleansRunInfo(
    string Cluster,
    string DeskId,
    ScenarioWorkload Workload,
    string Load,
    string AssignmentObservation,
    long AbandonedByPatience,
    long PatienceTooLate,
    IReadOnlyDictionary<string, long> ReceivedBySilo,
    IReadOnlyDictionary<string, int> ActivationsBySilo,
    IReadOnlyList<string> Events);
