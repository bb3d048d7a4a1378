using SupportQueue.Client.Cli;

namespace SupportQueue.LoadTests.Cli;

/// <summary>
/// The exit codes of <c>loadtests</c>: the client's (<see cref="ExitCodes"/>, the same source file,
/// compiled into both) plus the one outcome only a load test has.
/// </summary>
public static class LoadExitCodes
{
    public const int Passed = ExitCodes.Ok;

    /// <summary>A threshold failed (the client's "failed").</summary>
    public const int ThresholdFailed = ExitCodes.Failed;

    public const int BadInput = ExitCodes.BadInput;

    /// <summary>No external cluster answered.</summary>
    public const int ClusterUnavailable = ExitCodes.ClusterUnavailable;

    /// <summary>The audit after the run found a lost, duplicated or inconsistent ticket or agent.</summary>
    public const int InvariantViolated = 4;

    public const int Cancelled = ExitCodes.Cancelled;
}
