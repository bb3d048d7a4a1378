using SupportQueue.LoadTests.Orleans;
using SupportQueue.LoadTests.Runner;

namespace SupportQueue.LoadTests.Cli;

/// <summary>One finished run: the runner's result plus what the audit of the cluster found.</summary>
public sealed record OrleansRunRecord(
    string Label,
    int Silos,
    LoadRunResult Result,
    InvariantReport Invariants,
    DeskOutcome Outcome,
    OrleansRunInfo Info)
{
    /// <summary>Service per tier of the desk, in the scenario's tier order.</summary>
    public IReadOnlyList<TierOutcome> Tiers { get; init; } = [];

    /// <summary>Invariant violations outrank threshold failures: they mean the system lost or duplicated work.</summary>
    public int ExitCode => !Invariants.Passed ? LoadExitCodes.InvariantViolated : Result.ExitCode;
}
