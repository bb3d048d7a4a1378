namespace SupportQueue.LoadTests.Orleans;

/// <summary>
/// Grain time that runs <see cref="Factor"/> times faster than the wall clock, so desk deadlines written
/// in minutes (wait timeouts, aging, SLA targets) play out within a load run compressed the same way as
/// the demand curve and the agents' handling times. Timers are shortened by the same factor; Orleans
/// drives grain timers through this provider, so the desk's deadline timer fires on compressed time too.
/// </summary>
public sealed class CompressedClock : TimeProvider
{
    private readonly long _origin = System.GetTimestamp();
    private readonly DateTimeOffset _start;

    /// <summary>Creates a clock that reads <paramref name="start"/> now and advances <paramref name="factor"/> times faster than real time.</summary>
    public CompressedClock(double factor, DateTimeOffset start)
    {
        if (!double.IsFinite(factor) || factor < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(factor), factor, "Must be at least 1.");
        }

        Factor = factor;
        _start = start;
    }

    /// <summary>Simulated seconds per wall second.</summary>
    public double Factor { get; }

    /// <inheritdoc/>
    public override DateTimeOffset GetUtcNow() => _start + ToSimulated(System.GetElapsedTime(_origin));

    /// <inheritdoc/>
    public override long GetTimestamp() =>
        _origin + (long)((System.GetTimestamp() - _origin) * Factor);

    /// <summary>
    /// Only timers of SupportQueue's own grains are compressed. Orleans drives some of its system
    /// targets' periodic timers through the same provider; compressed, a one-second housekeeping
    /// period became a fraction of a millisecond and burnt most of a core at 6,000x.
    /// </summary>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        IsSupportQueueTimer(state)
            ? new CompressedTimer(this, System.CreateTimer(callback, state, ToWall(dueTime), ToWall(period)))
            : System.CreateTimer(callback, state, dueTime, period);

    /// <summary>Wall time corresponding to a simulated span.</summary>
    public TimeSpan ToWall(TimeSpan simulated) =>
        simulated == Timeout.InfiniteTimeSpan || simulated <= TimeSpan.Zero ? simulated : TimeSpan.FromTicks(Math.Max(1, (long)(simulated.Ticks / Factor)));

    /// <summary>Simulated time corresponding to a wall span.</summary>
    public TimeSpan ToSimulated(TimeSpan wall) => TimeSpan.FromTicks((long)(wall.Ticks * Factor));

    // A grain timer's state is Orleans' GrainTimer<TState>, and our grains pass themselves as TState.
    private static bool IsSupportQueueTimer(object? state) =>
        state?.GetType() is { IsGenericType: true } type &&
        type.GetGenericArguments() is [var argument] &&
        argument.Assembly == typeof(Grains.SupportQueueStorage).Assembly;

    private sealed class CompressedTimer(CompressedClock clock, ITimer inner) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(clock.ToWall(dueTime), clock.ToWall(period));

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
