namespace SupportQueue.LoadTests.Benchmarks;

/// <summary>
/// The garbage collector's share of a backlog step: pause time, the longest pause of an ephemeral
/// (gen0/1) and of a gen2 collection, and the collections per generation since the last <see cref="Take"/>. A latency tail that lines up with
/// the pauses is the collector's; one that does not is the silo's own work.
/// </summary>
internal sealed class BacklogGcWatch : IDisposable
{
    private readonly Thread _thread;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private long _lastIndex;
    private TimeSpan _maxEphemeral;
    private TimeSpan _maxGen2;
    private TimeSpan _pauseAtTake = GC.GetTotalPauseDuration();
    private (int Gen0, int Gen1, int Gen2) _countsAtTake = Counts();

    public BacklogGcWatch()
    {
        _lastIndex = GC.GetGCMemoryInfo(GCKind.Any).Index;
        // Polled, not evented: the last collection's pauses are kept by the runtime, and at a
        // millisecond's poll only collections closer together than that can be missed for the maximum.
        _thread = new Thread(Poll) { IsBackground = true, Name = "backlog-gc-watch" };
        _thread.Start();
    }

    /// <summary>Pause total and longest pauses since the last take, and collections per generation.</summary>
    public (TimeSpan Pause, TimeSpan MaxEphemeral, TimeSpan MaxGen2, int Gen0, int Gen1, int Gen2) Take()
    {
        lock (_gate)
        {
            var pause = GC.GetTotalPauseDuration();
            var counts = Counts();
            var step = (pause - _pauseAtTake, _maxEphemeral, _maxGen2, counts.Gen0 - _countsAtTake.Gen0, counts.Gen1 - _countsAtTake.Gen1, counts.Gen2 - _countsAtTake.Gen2);
            _pauseAtTake = pause;
            _countsAtTake = counts;
            _maxEphemeral = TimeSpan.Zero;
            _maxGen2 = TimeSpan.Zero;
            return step;
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _thread.Join();
        _stop.Dispose();
    }

    private static (int Gen0, int Gen1, int Gen2) Counts() => (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));

    private void Poll()
    {
        while (!_stop.IsCancellationRequested)
        {
            var info = GC.GetGCMemoryInfo(GCKind.Any);
            if (info.Index != _lastIndex)
            {
                _lastIndex = info.Index;
                var longest = TimeSpan.Zero;
                foreach (var pause in info.PauseDurations)
                {
                    longest = pause > longest ? pause : longest;
                }

                lock (_gate)
                {
                    if (info.Generation >= 2)
                    {
                        _maxGen2 = longest > _maxGen2 ? longest : _maxGen2;
                    }
                    else
                    {
                        _maxEphemeral = longest > _maxEphemeral ? longest : _maxEphemeral;
                    }
                }
            }

            _stop.Token.WaitHandle.WaitOne(1);
        }
    }
}
