namespace SupportQueue.Grains.Simulation;

/// <summary>
/// A clock that stands still until it is set. Timers created on it fire when the clock is moved
/// to or past their due time, synchronously on the thread that moved it, earliest first (ties in
/// creation order), so what runs at a virtual instant does not depend on the machine's speed.
/// Installed as the grains' clock of a silo dedicated to a simulation.
/// </summary>
public sealed class VirtualClock : TimeProvider
{
    private readonly object _lock = new();
    private readonly SortedSet<VirtualTimer> _timers = new(Comparer<VirtualTimer>.Create(static (a, b) =>
    {
        var byTime = a.DueAt.CompareTo(b.DueAt);
        return byTime != 0 ? byTime : a.Order.CompareTo(b.Order);
    }));
    private DateTimeOffset _now;
    private long _sequence;

    public VirtualClock(DateTimeOffset start)
    {
        _now = start.ToUniversalTime();
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    /// <summary>Moves the clock forward, firing every timer due by then. Time never goes back.</summary>
    public void SetUtcNow(DateTimeOffset value)
    {
        while (true)
        {
            VirtualTimer due;
            lock (_lock)
            {
                if (value < _now)
                {
                    throw new ArgumentOutOfRangeException(nameof(value), value, $"virtual time cannot go back from {_now:O}");
                }

                if (_timers.Count == 0 || _timers.Min!.DueAt > value)
                {
                    _now = value;
                    return;
                }

                due = _timers.Min!;
                _timers.Remove(due);

                // Each timer sees the clock at its own due time, as it would with a real clock.
                if (due.DueAt > _now)
                {
                    _now = due.DueAt;
                }

                if (due.Period is { } period)
                {
                    due.DueAt += period;
                    due.Order = ++_sequence;
                    _timers.Add(due);
                }
            }

            // Outside the lock: the callback may create, change or dispose timers.
            due.Callback(due.State);
        }
    }

    public void Advance(TimeSpan delta) => SetUtcNow(GetUtcNow() + delta);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new VirtualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private void Schedule(VirtualTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        lock (_lock)
        {
            _timers.Remove(timer);
            if (timer.Disposed || dueTime == Timeout.InfiniteTimeSpan)
            {
                return;
            }

            timer.DueAt = _now + (dueTime < TimeSpan.Zero ? TimeSpan.Zero : dueTime);
            timer.Period = period == Timeout.InfiniteTimeSpan || period <= TimeSpan.Zero ? null : period;
            timer.Order = ++_sequence;
            _timers.Add(timer);
        }
    }

    private sealed class VirtualTimer(VirtualClock clock, TimerCallback callback, object? state) : ITimer
    {
        public TimerCallback Callback { get; } = callback;

        public object? State { get; } = state;

        public DateTimeOffset DueAt { get; set; }

        public TimeSpan? Period { get; set; }

        public long Order { get; set; }

        public bool Disposed { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (Disposed)
            {
                return false;
            }

            clock.Schedule(this, dueTime, period);
            return true;
        }

        public void Dispose()
        {
            Disposed = true;
            clock.Schedule(this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
