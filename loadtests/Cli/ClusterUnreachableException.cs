namespace SupportQueue.LoadTests.Cli;

/// <summary>No external cluster answered (wrong port, ids, or none running): exit code 3, one line, no stack trace.</summary>
public sealed class ClusterUnreachableException(string message) : Exception(message);
