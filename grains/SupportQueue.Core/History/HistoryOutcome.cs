namespace SupportQueue.Core.History;

/// <summary>How a recorded ticket's story ended, or that it had not ended when the trace was taken.</summary>
public enum HistoryOutcome
{
    Resolved,
    Abandoned,
    Cancelled,
    Open,
}
