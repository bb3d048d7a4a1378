namespace SupportQueue.LoadTests.Orleans;

/// <summary>
/// Grain time that runs <see cref="Factor"/> times faster than the wall clock, so desk deadlines written
/// in minutes (wait timeouts, aging, SLA targets) play out within a load run compressed the same way as
/// the demand curve and the agents' handling times. Orleans drives grain timers through this provider;
/// only those waiting for grain time (<see cref="Grains.IGrainTimeTimer"/>: the desk's deadline timer)
/// are shortened by the same factor, operational periods keep wall time.
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
    /// Only timers waiting for grain time are compressed. Orleans drives its system targets' periodic
    /// timers and our grains' operational ones (status publication, record batching) through the
    /// same provider; compressed, a one-second period became a fraction of a millisecond and burnt
    /// most of a core.
    /// </summary>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        IsGrainTimeTimer(state)
            ? new CompressedTimer(this, System.CreateTimer(callback, state, ToWall(dueTime), ToWall(period)))
            : System.CreateTimer(callback, state, dueTime, period);

    /// <summary>Wall time corresponding to a simulated span.</summary>
    public TimeSpan ToWall(TimeSpan simulated) =>
        simulated == Timeout.InfiniteTimeSpan || simulated <= TimeSpan.Zero ? simulated : TimeSpan.FromTicks(Math.Max(1, (long)(simulated.Ticks / Factor)));

    /// <summary>Simulated time corresponding to a wall span.</summary>
    public TimeSpan ToSimulated(TimeSpan wall) => TimeSpan.FromTicks((long)(wall.Ticks * Factor));

    // A grain timer's state is Orleans' GrainTimer<TState>; TState is what the grain passed.
    private static bool IsGrainTimeTimer(object? state) =>
        state?.GetType() is { IsGenericType: true } type &&
        type.GetGenericArguments() is [var argument] &&
        typeof(Grains.IGrainTimeTimer).IsAssignableFrom(argument);

    private sealed class CompressedTimer(CompressedClock clock, ITimer inner) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(clock.ToWall(dueTime), clock.ToWall(period));

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
