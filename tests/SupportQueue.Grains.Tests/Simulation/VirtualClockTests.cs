using SupportQueue.Grains.Simulation;

namespace SupportQueue.Grains.Tests.Simulation;

public sealed class VirtualClockTests
{
    private static readonly DateTimeOffset _start = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Timers_fire_in_due_order_each_seeing_its_own_due_time()
    {
        var clock = new VirtualClock(_start);
        var fired = new List<(string Name, DateTimeOffset At)>();
        using var late = clock.CreateTimer(_ => fired.Add(("late", clock.GetUtcNow())), null, TimeSpan.FromMinutes(5), Timeout.InfiniteTimeSpan);
        using var early = clock.CreateTimer(_ => fired.Add(("early", clock.GetUtcNow())), null, TimeSpan.FromMinutes(2), Timeout.InfiniteTimeSpan);
        using var tie = clock.CreateTimer(_ => fired.Add(("tie", clock.GetUtcNow())), null, TimeSpan.FromMinutes(5), Timeout.InfiniteTimeSpan);

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Empty(fired);

        clock.SetUtcNow(_start.AddMinutes(10));
        Assert.Equal([("early", _start.AddMinutes(2)), ("late", _start.AddMinutes(5)), ("tie", _start.AddMinutes(5))], fired);
        Assert.Equal(_start.AddMinutes(10), clock.GetUtcNow());
    }

    [Fact]
    public void Periodic_changed_and_disposed_timers()
    {
        var clock = new VirtualClock(_start);
        var ticks = 0;
        var moved = 0;
        using var periodic = clock.CreateTimer(_ => ticks++, null, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        var changed = clock.CreateTimer(_ => moved++, null, TimeSpan.FromMinutes(1), Timeout.InfiniteTimeSpan);
        Assert.True(changed.Change(TimeSpan.FromMinutes(30), Timeout.InfiniteTimeSpan));
        var disposed = clock.CreateTimer(_ => throw new InvalidOperationException("disposed timer fired"), null, TimeSpan.FromMinutes(1), Timeout.InfiniteTimeSpan);
        disposed.Dispose();

        clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(10, ticks);
        Assert.Equal(0, moved);

        clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(1, moved);
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.SetUtcNow(_start));
        Assert.False(disposed.Change(TimeSpan.Zero, Timeout.InfiniteTimeSpan));
        changed.Dispose();
    }
}
