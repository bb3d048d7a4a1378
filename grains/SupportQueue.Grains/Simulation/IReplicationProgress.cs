using Orleans.Concurrency;

namespace SupportQueue.Grains.Simulation;

/// <summary>
/// Where a fast-mode replication running as a grain reports how far it got: an observer the
/// caller creates, so the progress display moves during a long replication, not only at its end.
/// </summary>
[Alias("SupportQueue.Grains.Simulation.IReplicationProgress")]
public interface IReplicationProgress : IGrainObserver
{
    /// <summary>Replication <paramref name="replication"/> has simulated <paramref name="fraction"/> of its horizon.</summary>
    /// <remarks>One-way: the replication's event loop never waits for the caller.</remarks>
    [OneWay]
    [Alias("Progress")]
    Task Progress(int replication, double fraction);
}
