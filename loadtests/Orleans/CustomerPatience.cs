using System.Collections.Concurrent;
using SupportQueue.Core.Model;
using SupportQueue.Grains;
using SupportQueue.LoadTests.Measurement;

namespace SupportQueue.LoadTests.Orleans;

/// <summary>
/// Customers who give up: a submitted ticket with a patience is abandoned by its customer if no agent
/// has taken it by then. Records <c>abandon</c>; counts the abandons and the ones that came too late
/// (answered between the check and the call, so the customer stays).
/// </summary>
internal sealed class CustomerPatience(IClusterClient client)
{
    private readonly ConcurrentBag<Task> _waits = [];
    private long _abandoned;
    private long _tooLate;

    public long Abandoned => Interlocked.Read(ref _abandoned);

    public long TooLate => Interlocked.Read(ref _tooLate);

    /// <summary>Starts the customer's wait; it ends at <paramref name="patience"/>, or quietly when <paramref name="stopping"/> fires.</summary>
    public void Wait(string ticketId, TicketTrack track, TimeSpan patience, IMeasurements measurements, TimeProvider time, CancellationToken stopping) =>
        _waits.Add(AbandonAfterAsync(ticketId, track, patience, measurements, time, stopping));

    /// <summary>Every wait started so far, finished (cancel their token first to end them early).</summary>
    public Task WhenAll() => Task.WhenAll(_waits);

    private async Task AbandonAfterAsync(string ticketId, TicketTrack track, TimeSpan patience, IMeasurements measurements, TimeProvider time, CancellationToken stopping)
    {
        try
        {
            await Task.Delay(patience, time, stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        if (Volatile.Read(ref track.Assignments) > 0)
        {
            return;
        }

        var start = time.GetTimestamp();
        try
        {
            await client.Ticket(ticketId).Abandon("customer ran out of patience").ConfigureAwait(false);
            measurements.Record("abandon", start, start, time.GetTimestamp());
            Interlocked.Increment(ref _abandoned);
        }
        catch (SupportQueueException ex) when (ex.Code == RefusalCode.InvalidTransition)
        {
            Interlocked.Increment(ref _tooLate);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            measurements.RecordFailure("abandon", FailureKind.Of(ex));
        }
    }
}
