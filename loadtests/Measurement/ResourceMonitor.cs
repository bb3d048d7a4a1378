using System.Diagnostics;

namespace SupportQueue.LoadTests.Measurement;

/// <summary>Captures process CPU and GC figures at start, once per interval, and at the end.</summary>
internal sealed class ResourceMonitor : IDisposable
{
    private static readonly GCKind[] _kinds = [GCKind.Any, GCKind.Ephemeral, GCKind.Background, GCKind.FullBlocking];

    private readonly TimeProvider _time;
    private readonly Process _process = Process.GetCurrentProcess();
    private readonly HashSet<long> _seenGcIndexes = [];
    private long _startTimestamp;
    private TimeSpan _startCpu;
    private TimeSpan _startPause;
    private int _startGen0;
    private int _startGen1;
    private int _startGen2;
    private long _startAllocated;
    private long _lastTimestamp;
    private TimeSpan _lastCpu;
    private TimeSpan _lastPause;
    private TimeSpan _longestPause;

    public ResourceMonitor(TimeProvider time) => _time = time;

    public void Start()
    {
        _startTimestamp = _lastTimestamp = _time.GetTimestamp();
        _startCpu = _lastCpu = Cpu();
        _startPause = _lastPause = GC.GetTotalPauseDuration();
        _startGen0 = GC.CollectionCount(0);
        _startGen1 = GC.CollectionCount(1);
        _startGen2 = GC.CollectionCount(2);
        _startAllocated = GC.GetTotalAllocatedBytes(precise: false);

        // GCs that happened before the run must not count as its longest pause.
        foreach (var kind in _kinds)
        {
            _seenGcIndexes.Add(GC.GetGCMemoryInfo(kind).Index);
        }
    }

    /// <summary>CPU % and GC pause since the previous sample; also notes the longest pause seen.</summary>
    public (double CpuPercent, double GcPauseMs) Sample()
    {
        var now = _time.GetTimestamp();
        var cpu = Cpu();
        var pause = GC.GetTotalPauseDuration();
        var wall = _time.GetElapsedTime(_lastTimestamp, now);
        var cpuPercent = CpuPercent(cpu - _lastCpu, wall);
        var pauseMs = (pause - _lastPause).TotalMilliseconds;
        _lastTimestamp = now;
        _lastCpu = cpu;
        _lastPause = pause;
        NoteLongestPause();
        return (cpuPercent, pauseMs);
    }

    public ResourceStats Stop()
    {
        NoteLongestPause();
        var wall = _time.GetElapsedTime(_startTimestamp);
        var cpu = Cpu() - _startCpu;
        var pauseTotal = GC.GetTotalPauseDuration() - _startPause;
        return new ResourceStats(
            wall,
            cpu,
            CpuPercent(cpu, wall),
            Environment.ProcessorCount,
            GC.CollectionCount(0) - _startGen0,
            GC.CollectionCount(1) - _startGen1,
            GC.CollectionCount(2) - _startGen2,
            pauseTotal,
            // A single pause can't exceed the total, even if sampling attributed one from just before the start.
            _longestPause > pauseTotal ? pauseTotal : _longestPause,
            GC.GetTotalAllocatedBytes(precise: false) - _startAllocated);
    }

    private void NoteLongestPause()
    {
        foreach (var kind in _kinds)
        {
            var info = GC.GetGCMemoryInfo(kind);
            if (info.Index == 0 || !_seenGcIndexes.Add(info.Index))
            {
                continue;
            }

            foreach (var p in info.PauseDurations)
            {
                if (p > _longestPause)
                {
                    _longestPause = p;
                }
            }
        }
    }

    public void Dispose() => _process.Dispose();

    private TimeSpan Cpu()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    private static double CpuPercent(TimeSpan cpu, TimeSpan wall) =>
        wall > TimeSpan.Zero ? 100.0 * cpu.TotalSeconds / (wall.TotalSeconds * Environment.ProcessorCount) : 0;
}
