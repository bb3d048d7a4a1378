namespace SupportQueue.Core.Simulation;

/// <summary>What the desk did while settling: assignments made and tickets it escalated itself.</summary>
public enum JournalKind
{
    Assigned,
    WaitEscalated,
}
