namespace SupportQueue.Scheduling;

/// <summary>
/// The planning horizon: <see cref="Count"/> intervals of <see cref="IntervalMinutes"/> from
/// <see cref="Start"/> (wall clock). <see cref="Cyclic"/> treats the grid as a repeating pattern
/// (a standard week): a shift running past the end covers the first intervals again, as next
/// week's Sunday-night shift covers this Monday morning.
/// </summary>
public sealed record IntervalGrid(DateTime Start, int IntervalMinutes, int Count, bool Cyclic = false)
{
    /// <summary>Length of the grid in minutes.</summary>
    public int TotalMinutes => IntervalMinutes * Count;

    /// <summary>Wall-clock start of interval <paramref name="index"/>.</summary>
    public DateTime IntervalStart(int index) => Start.AddMinutes((double)index * IntervalMinutes);
}
