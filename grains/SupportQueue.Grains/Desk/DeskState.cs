using SupportQueue.Core.Model;
using SupportQueue.Core.Routing;

namespace SupportQueue.Grains;

/// <summary>What a desk persists: its settings, the agents registered on it, and its totals as last checkpointed.</summary>
[GenerateSerializer, Alias("SupportQueue.DeskState")]
public sealed class DeskState
{
    [Id(0)] public DeskSettings? Settings { get; set; }

    [Id(1)] public Dictionary<string, AgentSpec> Agents { get; set; } = [];

    [Id(2)] public DeskCounts? Counts { get; set; }
}
