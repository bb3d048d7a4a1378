using SupportQueue.Core.History;

namespace SupportQueue.Grains;

/// <summary>What a recorder bucket persists: its sealed page count and its open page (never more than a page of records).</summary>
[GenerateSerializer, Alias("SupportQueue.RecorderBucketState")]
public sealed class RecorderBucketState
{
    [Id(0)] public int SealedPages { get; set; }

    /// <summary>The open page as buckets stored it before records were encoded; read once, then moved to <see cref="Open"/>.</summary>
    [Id(1)] public List<TicketHistoryRecord> Unencoded { get; set; } = [];

    /// <summary>Records taken in all (sealed and open), for the bucket's cap.</summary>
    [Id(2)] public long Taken { get; set; }

    /// <summary>Records turned away because the bucket or its write buffer was full.</summary>
    [Id(3)] public long Dropped { get; set; }

    /// <summary>The open page, each record encoded (<see cref="RecordEncoding"/>), in arrival order.</summary>
    [Id(4)] public List<byte[]> Open { get; set; } = [];
}
