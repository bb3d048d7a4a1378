using SupportQueue.Core.Cumulative;
using SupportQueue.Core.Model;
using SupportQueue.Core.Routing;

namespace SupportQueue.Grains;

/// <summary>What a desk persists: its settings, the agents registered on it, and its totals as last checkpointed.</summary>
[GenerateSerializer, Alias("SupportQueue.DeskState")]
public sealed class DeskState
{
    [Id(0)] public DeskSettings? Settings { get; set; }

    [Id(1)] public Dictionary<string, AgentSpec> Agents { get; set; } = [];

    /// <summary>The cumulative statistics (today, last hour), stored every few seconds while they change.</summary>
    [Id(2)] public DeskStatisticsState? Statistics { get; set; }

    /// <summary>The engine's running totals as last checkpointed, so a re-activated desk does not restart them at zero.</summary>
    [Id(3)] public DeskCounts? Counts { get; set; }
}
