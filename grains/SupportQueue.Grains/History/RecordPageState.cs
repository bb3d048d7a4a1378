using SupportQueue.Core.History;

namespace SupportQueue.Grains;

/// <summary>What a sealed recorder page persists.</summary>
[GenerateSerializer, Alias("SupportQueue.RecordPageState")]
public sealed class RecordPageState
{
    [Id(0)] public List<TicketHistoryRecord> Records { get; set; } = [];
}
