using System.Runtime.CompilerServices;
using SupportQueue.Core.History;

namespace SupportQueue.Grains;

/// <summary>
/// Reads a desk's recorded tickets created in a window, in time order, one recorder bucket (one
/// hour) at a time: memory holds one hour's records, never the whole window. Within a bucket the
/// latest record of a ticket wins (its close replaces its arrival). Used by the REST export and the
/// CLI's <c>desk export</c>; neither checks the desk here (callers do, to answer 404 before streaming).
/// </summary>
public static class DeskHistoryExport
{
    /// <param name="grains">The cluster.</param>
    /// <param name="deskId">The desk.</param>
    /// <param name="range">The creation-time window.</param>
    /// <param name="dropped">Told, per bucket, how many records that bucket turned away because it was full (usually 0).</param>
    /// <param name="cancellationToken">Stops between buckets and pages.</param>
    public static async IAsyncEnumerable<TicketHistoryRecord> ReadAsync(
        IGrainFactory grains,
        string deskId,
        ExportRange range,
        Action<long>? dropped = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(range);
        for (var hour = RecorderKeys.HourOf(range.From); hour < range.To; hour = hour.AddHours(1))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var key = RecorderKeys.Bucket(deskId, hour);
            var snapshot = await grains.ByKey<ITicketRecorderGrain>(key).Snapshot();
            if (snapshot.Dropped > 0)
            {
                dropped?.Invoke(snapshot.Dropped);
            }

            var latest = new Dictionary<string, TicketHistoryRecord>(StringComparer.Ordinal);
            for (var page = 0; page < snapshot.SealedPages; page++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var record in await grains.RecordPage(key, page).Read())
                {
                    latest[record.Id] = record;
                }
            }

            foreach (var record in snapshot.Tail)
            {
                latest[record.Id] = record;
            }

            foreach (var record in latest.Values.Where(r => range.Contains(r.Created)).OrderBy(r => r.Created).ThenBy(r => r.Id, StringComparer.Ordinal))
            {
                yield return record;
            }
        }
    }
}
