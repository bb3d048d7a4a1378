using SupportQueue.Core.Model;

namespace SupportQueue.Core.Simulation;

/// <summary>One rostered agent in a run.</summary>
internal sealed class SimAgent(int index, string id, int tier, int capacity, AgentGroupSpec group)
{
    public int Index { get; } = index;
    public string Id { get; } = id;
    public int Tier { get; } = tier;
    public int Capacity { get; } = capacity;
    public AgentGroupSpec Group { get; } = group;
    public Presence Presence { get; set; } = Presence.Offline;
    public double PresenceSince { get; set; }

    /// <summary>Tickets in hand, for staffed-time accounting.</summary>
    public int Load { get; set; }
}
