namespace SupportQueue.LoadTests.Benchmarks;

/// <summary>
/// A grain that does nothing but answer, with a persistent state in the same storage a ticket uses:
/// what grain-mode benchmarks measure the runtime's own cost per call and per activation with.
/// Not used by any simulation or routing path.
/// </summary>
[Alias("SupportQueue.LoadTests.Benchmarks.ICapacityProbeGrain")]
public interface ICapacityProbeGrain : IGrainWithStringKey
{
    [Alias("Ping")]
    Task Ping();
}
