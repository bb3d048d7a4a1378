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
    /// records are written in batches, see docs/recording.md.
    /// </summary>
    [Alias("RecordEncoded")]
    Task Record(byte[] record);

    /// <summary>
    /// <see cref="Record"/> one-way: the ticket's turn does not wait for the recorder's answer (see
    /// <see cref="TicketRecorderOptions.WaitForRecorder"/>). Delivery is not confirmed; a record lost
    /// in transit is what a silo crash loses anyway (records are batched in memory before they are stored).
    /// </summary>
    [Alias("PostEncoded"), Orleans.Concurrency.OneWay]
    Task Post(byte[] record);

    /// <summary>How many pages are sealed, and every record not in them yet (stored or still to be written), in arrival order.</summary>
    [Alias("Snapshot")]
    Task<RecorderSnapshot> Snapshot();
}
