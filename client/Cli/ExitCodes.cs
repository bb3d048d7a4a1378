namespace SupportQueue.Client.Cli;

/// <summary>Process exit codes, stable so scripts can branch on them.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>Something failed that is not the caller's fault (a bug, the cluster failing mid-call).</summary>
    public const int Failed = 1;

    /// <summary>Bad input: a malformed argument or settings file, or an operation the cluster refused.</summary>
    public const int BadInput = 2;

    /// <summary>No cluster could be reached (or the embedded silo would not start) in time.</summary>
    public const int ClusterUnavailable = 3;

    /// <summary>Interrupted with Ctrl+C.</summary>
    public const int Cancelled = 130;
}
