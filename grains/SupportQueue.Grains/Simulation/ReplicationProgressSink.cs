namespace SupportQueue.Grains.Simulation;

/// <summary>
/// The caller's end of <see cref="IReplicationProgress"/>: replications done, counting the finished
/// part of each one still running. The reports are one-way messages, which arrive in any order:
/// one overtaken by a later one changes nothing, and one that comes after its replication's result
/// is dropped, so the figure never goes back.
/// </summary>
internal sealed class ReplicationProgressSink(int total, IProgress<SimulationProgress> progress) : IReplicationProgress
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, double> _running = [];
    private readonly HashSet<int> _finished = [];
    private int _completed;

    public Task Progress(int replication, double fraction)
    {
        lock (_gate)
        {
            if (!_finished.Contains(replication))
            {
                _running[replication] = Math.Max(_running.GetValueOrDefault(replication), Math.Clamp(fraction, 0, 1));
                Report();
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Replication <paramref name="replication"/>'s result arrived.</summary>
    public void Completed(int replication)
    {
        lock (_gate)
        {
            _finished.Add(replication);
            _running.Remove(replication);
            _completed++;
            Report();
        }
    }

    private void Report() => progress.Report(new SimulationProgress(_completed, total) { Done = _completed + _running.Values.Sum() });
}
