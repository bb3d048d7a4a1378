using System.Collections.Immutable;
using SupportQueue.Core.History;

namespace SupportQueue.Grains;

/// <summary>
/// One sealed page of a recorder bucket (key: <see cref="RecorderKeys.Page"/>): a fixed run of
/// records, written once when the bucket's open page fills, so the bucket's own state stays small.
/// </summary>
[Alias("SupportQueue.Grains.IRecordPageGrain")]
public interface IRecordPageGrain : IGrainWithStringKey
{
    /// <summary>Stores the page, its records encoded (<see cref="RecordEncoding"/>); writing the same page again (a retried seal) replaces it with the same records.</summary>
    [Alias("StoreEncoded")]
    Task Store(ImmutableArray<byte[]> records);

    /// <summary>The page's records in arrival order; empty for a page never stored.</summary>
    [Alias("Read")]
    Task<ImmutableArray<TicketHistoryRecord>> Read();
}
