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
    IReadOnlyList<string> Events)
{
    /// <summary>Whether <see cref="ReceivedBySilo"/> was measured (Orleans' meter of in-process silos); an external cluster's is not.</summary>
    public bool MessagesMeasured { get; init; }

    /// <summary>The machine's one-minute load average at the end of the run; null where unknown.</summary>
    public double? LoadAverage { get; init; }
}
