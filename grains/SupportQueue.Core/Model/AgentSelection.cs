namespace SupportQueue.Core.Model;

/// <summary>How a desk picks among the free agents eligible for a ticket.</summary>
public enum AgentSelection
{
    LongestIdle,
    LeastBusy,
    RoundRobin,
    BestSkill,
}
