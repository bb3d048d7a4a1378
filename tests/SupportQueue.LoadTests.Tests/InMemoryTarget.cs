using System.Threading.Channels;
using SupportQueue.LoadTests.Measurement;
using SupportQueue.LoadTests.Runner;

namespace SupportQueue.LoadTests.Tests;

/// <summary>
/// A stand-in for the ticket system: submit enqueues a ticket and returns at once; a background "agent"
/// assigns tickets in order and records submit→assign when it does, the way the real target will report
/// assignments asynchronously. Two fake silos share the work.
/// </summary>
internal sealed class InMemoryTarget : ILoadTarget
{
    private readonly Channel<Ticket> _queue = Channel.CreateUnbounded<Ticket>(new UnboundedChannelOptions { SingleReader = true });
    private static readonly string[] _silos = ["silo-a", "silo-b"];
    private readonly long[] _handledBySilo = new long[2];
    private IMeasurements? _measurements;
    private TimeProvider _time = TimeProvider.System;
    private Task _agent = Task.CompletedTask;
    private long _submitted;

    public string Name => "in-memory";

    public long Assigned { get; private set; }

    public bool Started { get; private set; }

    public bool Stopped { get; private set; }

    public Task StartAsync(LoadTargetContext context, CancellationToken cancellationToken)
    {
        _measurements = context.Measurements;
        _time = context.Time;
        _agent = Task.Run(AssignLoopAsync, cancellationToken);
        Started = true;
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await _agent.WaitAsync(cancellationToken);
        Stopped = true;
    }

    public ValueTask<IReadOnlyDictionary<string, long>?> SampleSiloLoadAsync(CancellationToken cancellationToken)
    {
        // Work since the previous sample, as the runner expects per-interval counts.
        var snapshot = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < _silos.Length; i++)
        {
            snapshot[_silos[i]] = Interlocked.Exchange(ref _handledBySilo[i], 0);
        }

        return ValueTask.FromResult<IReadOnlyDictionary<string, long>?>(snapshot);
    }

    public ValueTask<StepResult> SubmitAsync(StepContext context)
    {
        var n = Interlocked.Increment(ref _submitted);
        Interlocked.Increment(ref _handledBySilo[n % 2]);
        return _queue.Writer.TryWrite(new Ticket(context.IntendedStartTimestamp, context.ActualStartTimestamp))
            ? ValueTask.FromResult(StepResult.Ok())
            : ValueTask.FromResult(StepResult.Fail("closed"));
    }

    private async Task AssignLoopAsync()
    {
        await foreach (var ticket in _queue.Reader.ReadAllAsync())
        {
            _measurements!.Record("submit->assign", ticket.Intended, ticket.Actual, _time.GetTimestamp());
            Assigned++;
        }
    }

    private sealed record Ticket(long Intended, long Actual);
}
