using SupportQueue.Core.History;

namespace SupportQueue.Grains;

/// <summary>What a sealed recorder page persists.</summary>
[GenerateSerializer, Alias("SupportQueue.RecordPageState")]
public sealed class RecordPageState
{
    /// <summary>A page as it was stored before records were encoded (read as it is; never written again).</summary>
    [Id(0)] public List<TicketHistoryRecord> Unencoded { get; set; } = [];

    /// <summary>The page's records, each encoded (<see cref="RecordEncoding"/>), in arrival order.</summary>
    [Id(1)] public List<byte[]> Records { get; set; } = [];
}
