using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Serialization;
using SupportQueue.Core.History;

namespace SupportQueue.Grains;

/// <summary>
/// Keeps one desk-hour of ticket records (<see cref="ITicketRecorderGrain"/>). Thin: the records
/// come built; this grain only batches, pages and stores them.
/// </summary>
/// <remarks>
/// Reentrant so that a ticket's <see cref="Record"/> never waits behind a storage write: records
/// go into a buffer at once, and one flush at a time moves the buffer into the open page, seals
/// full pages into page grains, and writes the bucket. A failed write keeps the batch for the next
/// flush; nothing is sent back to the ticket, which is never held up or refused by the record.
/// Memory stays bounded: the open page, the buffer (<see cref="TicketRecorderOptions.MaxPending"/>)
/// and nothing else; sealed pages live in their own grains, which deactivate once written.
/// </remarks>
[GrainType("ticketrecorder")]
[Reentrant]
public sealed partial class TicketRecorderGrain(
    [PersistentState("recorder", SupportQueueStorage.Name)] IPersistentState<RecorderBucketState> state,
    IOptions<TicketRecorderOptions> options,
    Serializer<TicketHistoryRecord> serializer,
    ILogger<TicketRecorderGrain> logger) : Grain, ITicketRecorderGrain
{
    private List<byte[]> _pending = [];
    private long _pendingBytes;
    private Task? _flush;
    private IGrainTimer? _timer;
    private bool _warnedFull;

    private TicketRecorderOptions Options => options.Value;

    public Task Post(byte[] record) => Record(record);

    public Task Record(byte[] record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (_pending.Count >= Options.MaxPending || state.State.Taken + _pending.Count >= Options.MaxPerBucket)
        {
            state.State.Dropped++;
            if (!_warnedFull)
            {
                _warnedFull = true;
                LogFull(this.GetPrimaryKeyString(), _pending.Count, state.State.Taken);
            }

            return Task.CompletedTask;
        }

        _pending.Add(record);
        _pendingBytes += record.Length;
        if (PendingFillsAPage)
        {
            _ = FlushAsync();
        }
        else
        {
            ArmTimer();
        }

        return Task.CompletedTask;
    }

    public Task<RecorderSnapshot> Snapshot()
    {
        // One turn, no await: the open page and the buffer as they stand, after the pages sealed so far.
        var bucket = state.State;
        var tail = serializer.Decode(bucket.Open, _pending);
        if (tail.Length == 0 && bucket.SealedPages == 0 && _flush is not { IsCompleted: false })
        {
            // An export asks every hour of its range; an empty one need not stay resident.
            this.DeactivateOnIdle();
        }

        return Task.FromResult(new RecorderSnapshot(bucket.SealedPages, tail, bucket.Dropped));
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        EncodeOlderRecords();
        return Task.CompletedTask;
    }

    // An open page stored before records were encoded joins the encoded one at its front, in
    // order; the next write stores it encoded.
    private void EncodeOlderRecords()
    {
        var bucket = state.State;
        if (bucket.Unencoded.Count > 0)
        {
            bucket.Open.InsertRange(0, bucket.Unencoded.Select(serializer.Encode));
            bucket.Unencoded.Clear();
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // What is still buffered is written before the activation goes; if storage fails now the
        // records are lost (logged): the tickets themselves are stored on their own.
        await FlushAsync(drain: true);
        if (_pending.Count > 0)
        {
            LogLost(this.GetPrimaryKeyString(), _pending.Count);
        }
    }

    private Task OnTimer()
    {
        _timer?.Dispose();
        _timer = null;
        return FlushAsync();
    }

    // One flush at a time; a flush asked for while one runs is the running one. Draining (on
    // deactivation) waits for it and then writes whatever is left.
    private async Task FlushAsync(bool drain = false)
    {
        // A loop, not an if: while this call waited, a timer's flush may have started another.
        while (_flush is { IsCompleted: false } running)
        {
            await running;
            if (!drain)
            {
                return;
            }
        }

        if (_pending.Count > 0)
        {
            _flush = FlushLoopAsync(drain);
            await _flush;
        }
    }

    // Writes the buffer, then goes on only while a full page is waiting (or when draining):
    // records that came during a write wait for the timer, so a busy desk-hour costs one bucket
    // write per flush interval or per page — writing again at once after every write turned each
    // arrival during a write into another write of the whole open page (measured: the recorder
    // took most of the live silo's CPU at 1,000 tickets/s).
    private async Task FlushLoopAsync(bool drain)
    {
        var first = true;
        while (_pending.Count > 0 && (first || drain || PendingFillsAPage))
        {
            first = false;
            var batch = _pending;
            _pending = [];
            _pendingBytes = 0;
            try
            {
                await StoreAsync(batch);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogWriteFailed(ex, this.GetPrimaryKeyString(), batch.Count);
                await ReloadAsync();

                // Back in front, in order; a retry rewrites the same pages with the same records.
                batch.AddRange(_pending);
                _pending = batch;
                _pendingBytes = batch.Sum(r => (long)r.Length);
                ArmTimer();
                return;
            }
        }

        if (_pending.Count > 0)
        {
            ArmTimer();
        }
    }

    private int FullPageOf(List<byte[]> open) => RecordPages.FullPage(open, Options.PageSize, Options.PageBytes);

    private bool PendingFillsAPage => _pending.Count >= Math.Max(1, Options.PageSize) || _pendingBytes >= Options.PageBytes;

    private void ArmTimer() => _timer ??= this.RegisterGrainTimer(
        static (grain, _) => grain.OnTimer(),
        this,
        new GrainTimerCreationOptions(Options.FlushInterval, Timeout.InfiniteTimeSpan) { Interleave = true });

    // The batch joins the open page at once (so a snapshot taken during the writes sees it);
    // a full page is sealed in its page grain before the bucket counts it.
    private async Task StoreAsync(List<byte[]> batch)
    {
        var bucket = state.State;
        bucket.Open.AddRange(batch);
        bucket.Taken += batch.Count;
        for (var full = FullPageOf(bucket.Open); full > 0; full = FullPageOf(bucket.Open))
        {
            await GrainFactory.RecordPage(this.GetPrimaryKeyString(), bucket.SealedPages).Store([.. bucket.Open.GetRange(0, full)]);
            bucket.Open.RemoveRange(0, full);
            bucket.SealedPages++;
        }

        await state.WriteStateAsync();
    }

    private async Task ReloadAsync()
    {
        try
        {
            await state.ReadStateAsync();
            EncodeOlderRecords();
        }
#pragma warning disable CA1031 // Whatever the read throws, the answer is the same: start afresh from storage.
        catch (Exception)
#pragma warning restore CA1031
        {
            // Start from empty rather than from a state that may not match storage; the
            // next activation reads it afresh. The batch stays buffered meanwhile.
            state.State = new RecorderBucketState();
            this.DeactivateOnIdle();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recorder {Bucket}: storing {Count} record(s) failed; they are kept for the next flush")]
    private partial void LogWriteFailed(Exception ex, string bucket, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recorder {Bucket} is full ({Pending} waiting, {Taken} taken): further records of this desk-hour are dropped and counted")]
    private partial void LogFull(string bucket, int pending, long taken);

    [LoggerMessage(Level = LogLevel.Error, Message = "Recorder {Bucket}: {Count} record(s) could not be stored before deactivation and are lost")]
    private partial void LogLost(string bucket, int count);
}
