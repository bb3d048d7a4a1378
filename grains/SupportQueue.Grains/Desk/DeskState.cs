using SupportQueue.Core.Cumulative;
using SupportQueue.Core.Model;

namespace SupportQueue.Grains;

/// <summary>What a desk persists: its settings and the agents registered on it.</summary>
[GenerateSerializer, Alias("SupportQueue.DeskState")]
public sealed class DeskState
{
    [Id(0)] public DeskSettings? Settings { get; set; }

    [Id(1)] public Dictionary<string, AgentSpec> Agents { get; set; } = [];

    /// <summary>The cumulative statistics (today, last hour), stored every few seconds while they change.</summary>
    [Id(2)] public DeskStatisticsState? Statistics { get; set; }
}
