using System.Collections.Immutable;

namespace SupportQueue.Core.Planning;

/// <summary>
/// How the requirement search ended: rounds run, whether it converged (every loaded interval settled
/// or unchanged), the largest change of any interval in each round after the first, the intervals
/// still unsettled when it stopped, replications per round, and a sentence saying why it stopped.
/// </summary>
public sealed record PlanRequirementRun(
    int Rounds,
    bool Converged,
    ImmutableArray<int> MaxChangePerRound,
    int UnsettledIntervals,
    int Replications,
    string StopReason);
