namespace SupportQueue.Client.Connection;

/// <summary>No cluster answered in time, or the embedded silo did not start.</summary>
public sealed class ClusterUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
