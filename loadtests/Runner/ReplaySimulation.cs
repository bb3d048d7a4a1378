namespace SupportQueue.LoadTests.Runner;

/// <summary>
/// Open model with arrivals at given offsets from the phase start (a recorded or drawn stream,
/// e.g. a scenario's tickets in compressed time). Arrival k of the phase is the k-th offset.
/// </summary>
public sealed record ReplaySimulation : LoadSimulation
{
    internal ReplaySimulation(IReadOnlyList<TimeSpan> offsets, TimeSpan during)
        : base(during)
    {
        ArgumentNullException.ThrowIfNull(offsets);
        for (var i = 0; i < offsets.Count; i++)
        {
            if (offsets[i] < TimeSpan.Zero || offsets[i] > during || (i > 0 && offsets[i] < offsets[i - 1]))
            {
                throw new ArgumentOutOfRangeException(nameof(offsets), offsets[i], $"Offset {i} must be within the phase and not before the previous one.");
            }
        }

        Offsets = offsets;
    }

    public IReadOnlyList<TimeSpan> Offsets { get; }

    public override bool IsOpenModel => true;
}
