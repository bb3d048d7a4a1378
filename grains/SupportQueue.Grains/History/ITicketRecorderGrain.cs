using SupportQueue.Core.History;

namespace SupportQueue.Grains;

/// <summary>
/// One per desk and hour of ticket creation (key: <see cref="RecorderKeys.Bucket"/>): the live
/// record of the tickets created in that hour. Tickets send it their record when they arrive and
/// again when they close; the latest record of a ticket wins.
/// </summary>
[Alias("SupportQueue.Grains.ITicketRecorderGrain")]
public interface ITicketRecorderGrain : IGrainWithStringKey
{
    /// <summary>
    /// Takes a ticket's record (as <see cref="TicketHistoryBuilder"/> builds it, encoded by
    /// <see cref="RecordEncoding"/>) into the bucket. It answers before the record is stored:
    /// records are written in batches, see docs/ticket-history.md.
    /// </summary>
    [Alias("RecordEncoded")]
    Task Record(byte[] record);

    /// <summary>How many pages are sealed, and every record not in them yet (stored or still to be written), in arrival order.</summary>
    [Alias("Snapshot")]
    Task<RecorderSnapshot> Snapshot();
}
