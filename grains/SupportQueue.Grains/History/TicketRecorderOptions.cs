namespace SupportQueue.Grains;

/// <summary>How live desks record their tickets (see docs/recording.md).</summary>
public sealed class TicketRecorderOptions
{
    /// <summary>Whether tickets send their records at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Whether a ticket waits for its recorder to take the record before it answers. Off (the
    /// default), the record is posted one-way: the ticket's turn, and the offer waiting behind it,
    /// do not pay a round trip to the desk-hour's recorder (measured at 2,000 tickets/s: p99
    /// submit→assign 24 ms waiting, 16–19 ms posting; 12–13 ms with recording off). On, an export
    /// made right after a ticket answers is sure to hold its record: tests and grain-mode
    /// simulation, which read records back at once, turn it on.
    /// </summary>
    public bool WaitForRecorder { get; set; }

    /// <summary>
    /// How long a record may wait in memory before its bucket writes it. Records are written in
    /// batches so a busy desk costs one storage write per interval (or per full page), not one per ticket.
    /// </summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Records per sealed page at most; the open page never holds more.</summary>
    public int PageSize { get; set; } = 1000;

    /// <summary>
    /// Encoded bytes per sealed page at most (a page is sealed before it would pass them). A page,
    /// and the open page a bucket writes, then stays under .NET's large-object threshold (85,000
    /// bytes): storing larger ones filled the large-object heap, whose budget sets off full
    /// collections (measured: 9 full collections in 12 s at 2,000 tickets/s with 1,000-record pages of ~98 KB).
    /// </summary>
    public int PageBytes { get; set; } = 64 * 1024;

    /// <summary>Records a bucket keeps waiting for a write (while storage fails); more are dropped and counted.</summary>
    public int MaxPending { get; set; } = 20_000;

    /// <summary>Records one bucket (one desk-hour) takes in all; more are dropped and counted. Two per ticket: arrival and close.</summary>
    public long MaxPerBucket { get; set; } = 400_000;
}
