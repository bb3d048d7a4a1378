namespace SupportQueue.Grains;

/// <summary>
/// Marks the state of a grain timer that waits for a moment of grain time (a desk's next
/// deadline), as against an operational period (status publication, record batching) that means
/// wall time. Orleans drives every grain timer through the grains' clock; a clock that runs grain
/// time faster than the wall (the load tests' compressed clock) shortens only timers marked so —
/// compressed, a five-second status period fired every 1.7 ms at 3,000x and took most of a core.
/// </summary>
#pragma warning disable CA1040 // A marker: what matters is which timers carry it.
public interface IGrainTimeTimer;
#pragma warning restore CA1040
