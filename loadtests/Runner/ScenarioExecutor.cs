using SupportQueue.LoadTests.Measurement;

namespace SupportQueue.LoadTests.Runner;

/// <summary>
/// Drives one scenario against the clock: an open-model dispatcher that starts requests at their
/// intended times without waiting for earlier ones, and a closed-model controller that keeps the
/// planned number of copies looping.
/// </summary>
internal sealed class ScenarioExecutor
{
    private readonly LoadScenario _scenario;
    private readonly ScenarioPlan _plan;
    private readonly Measurements _measurements;
    private readonly TimeProvider _time;
    private readonly long _startTimestamp;
    private readonly int _maxInFlight;
    private readonly long _lateTicks;
    private readonly ArrivalSpacing _spacing;
    private readonly int _seed;
    private readonly CancellationToken _stepAbort;
    private readonly TaskCompletionSource _openDrained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<Task> _copyTasks = [];
    private readonly int[] _copyRunning;
    private volatile bool _dispatchDone;
    private volatile int _targetCopies;
    private int _openInFlight;
    private int _inFlight;
    private int _peakInFlight;
    private long _invocations;

    // Every open-model arrival's index, dropped ones included: a replayed stream's k-th arrival is ticket k.
    private long _arrivals;
    private long _due;
    private long _started;
    private long _dropped;
    private long _late;
    private long _succeeded;
    private long _failed;

    public ScenarioExecutor(
        LoadScenario scenario,
        LoadRunSettings settings,
        int scenarioIndex,
        Measurements measurements,
        long startTimestamp,
        CancellationToken stepAbort)
    {
        _scenario = scenario;
        _plan = ScenarioPlan.Create(scenario.Simulations);
        _measurements = measurements;
        _time = settings.TimeProvider;
        _startTimestamp = startTimestamp;
        _maxInFlight = scenario.MaxInFlight ?? settings.MaxInFlight;
        _lateTicks = ToTicks(settings.LateStartThreshold);
        _spacing = settings.ArrivalSpacing;
        // Distinct but reproducible streams per scenario, so adding a scenario doesn't reshuffle the others.
        _seed = HashCode.Combine(settings.Seed, scenarioIndex);
        _stepAbort = stepAbort;
        _copyRunning = new int[Math.Max(0, _plan.CopiesChanges.Select(c => c.Copies).DefaultIfEmpty(0).Max())];
    }

    public string Name => _scenario.Name;

    public ScenarioPlan Plan => _plan;

    /// <summary>Requests (open and closed) currently running.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Requests started so far.</summary>
    public long Started => Interlocked.Read(ref _started);

    /// <summary>Follows the schedule to its end (or cancellation), then waits for in-flight work up to <paramref name="drainTimeout"/>.</summary>
    /// <returns>Whether everything finished within the drain timeout.</returns>
    public async Task<bool> RunAsync(TimeSpan drainTimeout, CancellationToken cancellationToken)
    {
        await Task.WhenAll(DispatchOpenAsync(cancellationToken), ControlCopiesAsync(cancellationToken)).ConfigureAwait(false);

        _dispatchDone = true;
        if (Volatile.Read(ref _openInFlight) == 0)
        {
            _openDrained.TrySetResult();
        }

        Task copies;
        lock (_copyTasks)
        {
            copies = Task.WhenAll(_copyTasks);
        }

        var all = Task.WhenAll(_openDrained.Task, copies);
        using var timeout = new CancellationTokenSource();
        var delay = Task.Delay(drainTimeout, _time, timeout.Token);
        var finished = await Task.WhenAny(all, delay).ConfigureAwait(false) == all;
        await timeout.CancelAsync().ConfigureAwait(false);
        return finished;
    }

    public ScenarioSummary Summarise() => new(
        _scenario.Name,
        _plan.TotalDuration,
        Interlocked.Read(ref _due),
        Interlocked.Read(ref _started),
        Interlocked.Read(ref _dropped),
        Interlocked.Read(ref _late),
        Interlocked.Read(ref _succeeded),
        Interlocked.Read(ref _failed),
        Volatile.Read(ref _inFlight),
        Volatile.Read(ref _peakInFlight));

    private Task DispatchOpenAsync(CancellationToken cancellationToken)
    {
        if (!_plan.HasOpenModel)
        {
            return Task.CompletedTask;
        }

        if (!PreciseSleep.IsPrecise || !ReferenceEquals(_time, TimeProvider.System))
        {
            return DispatchOnTimersAsync(cancellationToken);
        }

        // On the real clock the dispatcher gets a thread of its own that sleeps precisely, so the
        // loader's timer is not what a corrected p99 measures.
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            PreciseSleep.TightenTimerSlackForThisThread();
            try
            {
                foreach (var offset in _plan.ArrivalOffsets(_spacing, _seed))
                {
                    var intended = _startTimestamp + ToTicks(offset);
                    PreciseSleep.Until(intended, cancellationToken);
                    Arrive(intended);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // The caller stopped the run early: stop scheduling, let in-flight requests drain.
            }
#pragma warning disable CA1031 // Handed to the awaiting runner, which rethrows it.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                done.SetException(ex);
                return;
            }

            done.SetResult();
        })
        {
            IsBackground = true,
            Name = "load dispatcher: " + _scenario.Name,
            Priority = ThreadPriority.AboveNormal,
        };
        thread.Start();
        return done.Task;
    }

    private async Task DispatchOnTimersAsync(CancellationToken cancellationToken)
    {
        try
        {
            foreach (var offset in _plan.ArrivalOffsets(_spacing, _seed))
            {
                var intended = _startTimestamp + ToTicks(offset);
                await WaitUntilAsync(intended, cancellationToken).ConfigureAwait(false);
                Arrive(intended);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The caller stopped the run early: stop scheduling, let in-flight requests drain.
        }
    }

    private void Arrive(long intended)
    {
        Interlocked.Increment(ref _due);
        var number = Interlocked.Increment(ref _arrivals) - 1;
        var inFlight = Interlocked.Increment(ref _openInFlight);
        if (inFlight > _maxInFlight)
        {
            Interlocked.Decrement(ref _openInFlight);
            Interlocked.Increment(ref _dropped);
            if (_scenario.StepOperation is { } op)
            {
                _measurements.RecordDropped(op);
            }

            return;
        }

        Interlocked.Increment(ref _invocations);
        // Run the step off the dispatcher thread so a step that does synchronous work before its
        // first await can't delay the arrivals behind it.
        ThreadPool.UnsafeQueueUserWorkItem(
            static s => s.Executor.StartOpen(s.Intended, s.Number),
            new OpenWork(this, intended, number),
            preferLocal: false);
    }

    private void StartOpen(long intended, long number) => _ = RunOpenAsync(intended, number);

    private async Task RunOpenAsync(long intended, long number)
    {
        try
        {
            await RunStepAsync(intended, number, copyIndex: -1).ConfigureAwait(false);
        }
        finally
        {
            if (Interlocked.Decrement(ref _openInFlight) == 0 && _dispatchDone)
            {
                _openDrained.TrySetResult();
            }
        }
    }

    private async Task ControlCopiesAsync(CancellationToken cancellationToken)
    {
        if (_plan.CopiesChanges.Count == 0)
        {
            return;
        }

        try
        {
            foreach (var change in _plan.CopiesChanges)
            {
                await WaitUntilAsync(_startTimestamp + ToTicks(change.Offset), cancellationToken).ConfigureAwait(false);
                SetCopies(change.Copies);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping early: fall through and let the copies wind down.
        }
        finally
        {
            SetCopies(0);
        }
    }

    private void SetCopies(int copies)
    {
        _targetCopies = copies;
        for (var i = 0; i < copies; i++)
        {
            // A copy that is just leaving may still hold its slot; it re-checks the target after releasing it.
            if (Interlocked.CompareExchange(ref _copyRunning[i], 1, 0) == 0)
            {
                var index = i;
                lock (_copyTasks)
                {
                    _copyTasks.Add(Task.Run(() => CopyLoopAsync(index)));
                }
            }
        }
    }

    private async Task CopyLoopAsync(int index)
    {
        while (true)
        {
            while (index < _targetCopies)
            {
                // A closed-model request is due the moment the previous one ends, so intended = actual.
                var now = _time.GetTimestamp();
                var number = Interlocked.Increment(ref _invocations) - 1;
                await RunStepAsync(now, number, index).ConfigureAwait(false);
            }

            Volatile.Write(ref _copyRunning[index], 0);
            // The target may have gone back up between the loop check and releasing the slot; if nobody
            // else has claimed the slot since, keep going rather than lose a copy.
            if (index >= _targetCopies || Interlocked.CompareExchange(ref _copyRunning[index], 1, 0) != 0)
            {
                return;
            }
        }
    }

    private async Task RunStepAsync(long intended, long number, int copyIndex)
    {
        var actual = _time.GetTimestamp();
        UpdatePeak(Interlocked.Increment(ref _inFlight));

        Interlocked.Increment(ref _started);
        if (actual - intended > _lateTicks)
        {
            Interlocked.Increment(ref _late);
        }

        var context = new StepContext(_scenario.Name, number, copyIndex, intended, actual, _measurements, _time, _stepAbort);
        StepResult result;
        try
        {
            result = await _scenario.Step(context).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stepAbort.IsCancellationRequested)
        {
            result = StepResult.Fail("cancelled");
        }
#pragma warning disable CA1031 // A throwing step is a measured failure, not a reason to stop the run.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            result = StepResult.Fail("exception:" + ex.GetType().Name);
        }

        var end = _time.GetTimestamp();
        Interlocked.Decrement(ref _inFlight);
        if (result.IsSuccess)
        {
            Interlocked.Increment(ref _succeeded);
            if (_scenario.StepOperation is { } op)
            {
                _measurements.Record(op, intended, actual, end);
            }
        }
        else
        {
            Interlocked.Increment(ref _failed);
            if (_scenario.StepOperation is { } op)
            {
                _measurements.RecordFailure(op, result.FailureKind ?? "unknown");
            }
        }
    }

    private void UpdatePeak(int value)
    {
        var peak = Volatile.Read(ref _peakInFlight);
        while (value > peak)
        {
            var seen = Interlocked.CompareExchange(ref _peakInFlight, value, peak);
            if (seen == peak)
            {
                return;
            }

            peak = seen;
        }
    }

    private async ValueTask WaitUntilAsync(long timestamp, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var remaining = timestamp - _time.GetTimestamp();
            if (remaining <= 0)
            {
                return;
            }

            // Timers resolve to about a millisecond; asking for less would spin through the thread pool.
            var delay = TimeSpan.FromSeconds(Math.Max((double)remaining / _time.TimestampFrequency, 0.001));
            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private long ToTicks(TimeSpan span) => (long)(span.TotalSeconds * _time.TimestampFrequency);

    private sealed record OpenWork(ScenarioExecutor Executor, long Intended, long Number);
}
