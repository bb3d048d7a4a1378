using System.Collections.Immutable;

namespace SupportQueue.LoadTests.Runner;

/// <summary>
/// Open model: one arrival at each of <see cref="Offsets"/> (from the phase's start, ascending), as
/// a recorded trace had them (<c>run --arrivals</c>). Run it with <see cref="ArrivalSpacing.Uniform"/>:
/// each arrival gets a segment of its own holding exactly one expected arrival, which uniform spacing
/// places at the segment's start, so the arrivals land on the recorded times.
/// </summary>
public sealed record TraceSimulation : LoadSimulation
{
    /// <summary>Arrivals closer than this are moved apart by it, so each has a segment of its own.</summary>
    public static readonly TimeSpan MinimumGap = TimeSpan.FromTicks(10);

    public TraceSimulation(IEnumerable<TimeSpan> offsets, TimeSpan during)
        : base(during)
    {
        ArgumentNullException.ThrowIfNull(offsets);
        var spaced = ImmutableArray.CreateBuilder<TimeSpan>();
        foreach (var offset in offsets)
        {
            var at = offset < TimeSpan.Zero ? TimeSpan.Zero : offset;
            spaced.Add(spaced.Count > 0 && at < spaced[^1] + MinimumGap ? spaced[^1] + MinimumGap : at);
        }

        if (spaced.Count > 0 && spaced[^1] + MinimumGap > during)
        {
            throw new ArgumentOutOfRangeException(nameof(during), during, "The phase must outlast its last arrival.");
        }

        Offsets = spaced.ToImmutable();
    }

    /// <summary>When each arrival happens, from the phase's start; ascending, at least <see cref="MinimumGap"/> apart.</summary>
    public ImmutableArray<TimeSpan> Offsets { get; }

    /// <inheritdoc/>
    public override bool IsOpenModel => true;
}
