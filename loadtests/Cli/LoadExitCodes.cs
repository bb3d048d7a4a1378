namespace SupportQueue.LoadTests.Cli;

/// <summary>
/// The exit codes of <c>loadtests</c>: the client's (<c>client/Cli/ExitCodes.cs</c>; same numbers and
/// meanings) plus the one outcome only a load test has. Not the client's type
/// itself: the grains tests reference both assemblies.
/// </summary>
public static class LoadExitCodes
{
    public const int Passed = 0;

    /// <summary>A threshold failed (the client's "failed").</summary>
    public const int ThresholdFailed = 1;

    /// <summary>A malformed argument or file (the client's "bad input").</summary>
    public const int BadInput = 2;

    /// <summary>No external cluster answered (the client's "cluster unavailable").</summary>
    public const int ClusterUnavailable = 3;

    /// <summary>The audit after the run found a lost, duplicated or inconsistent ticket or agent.</summary>
    public const int InvariantViolated = 4;

    /// <summary>Interrupted with Ctrl+C (the client's "cancelled").</summary>
    public const int Cancelled = 130;
}
