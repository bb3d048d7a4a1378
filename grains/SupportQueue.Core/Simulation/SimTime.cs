using System.Runtime.CompilerServices;

namespace SupportQueue.Core.Simulation;

/// <summary>
/// A run's one conversion between virtual minutes (what the loop counts in) and the desk's
/// timestamps: minute zero is the scenario's start, read as UTC. A struct held in a readonly
/// field, so a conversion costs what the arithmetic costs.
/// </summary>
internal readonly struct SimTime
{
    /// <summary>The epoch in ticks (its offset is zero): each event converts its time once.</summary>
    private readonly long _epochTicks;

    public SimTime(DateTime start)
    {
        Epoch = new DateTimeOffset(DateTime.SpecifyKind(start, DateTimeKind.Unspecified), TimeSpan.Zero);
        _epochTicks = Epoch.UtcTicks;
    }

    /// <summary>Virtual minute zero.</summary>
    public DateTimeOffset Epoch { get; }

    /// <summary>The instant <paramref name="minutes"/> after the epoch, rounded to a tick.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public DateTimeOffset At(double minutes) => new(_epochTicks + (long)Math.Round(minutes * TimeSpan.TicksPerMinute), TimeSpan.Zero);

    /// <summary>Minutes from the epoch to <paramref name="at"/>.</summary>
    public double Minutes(DateTimeOffset at) => Minutes(at.UtcTicks);

    /// <summary>Minutes from the epoch to <paramref name="ticks"/> (UTC ticks).</summary>
    public double Minutes(long ticks) => (ticks - _epochTicks) / (double)TimeSpan.TicksPerMinute;
}
