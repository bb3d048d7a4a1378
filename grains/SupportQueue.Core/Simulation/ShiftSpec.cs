using System.Collections.Immutable;

namespace SupportQueue.Core.Simulation;

/// <summary>
/// A working shift on the given weekdays (empty = every day). <see cref="End"/> before
/// <see cref="Start"/> means the shift runs past midnight.
/// </summary>
[GenerateSerializer, Immutable, Alias("SupportQueue.ShiftSpec")]
public sealed record ShiftSpec(
    [property: Id(0)] ImmutableArray<DayOfWeek> Days,
    [property: Id(1)] TimeSpan Start,
    [property: Id(2)] TimeSpan End,
    [property: Id(3)] ImmutableArray<BreakSpec> Breaks = default)
{
    public TimeSpan Length => End > Start ? End - Start : End + TimeSpan.FromDays(1) - Start;

    public bool WorksOn(DayOfWeek day) => Days.IsDefaultOrEmpty || Days.Contains(day);
}
