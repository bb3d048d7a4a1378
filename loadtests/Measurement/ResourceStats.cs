namespace SupportQueue.LoadTests.Measurement;

/// <summary>Process-wide resource use over a run (the load generator and, when in-process, the target).</summary>
/// <param name="WallTime">Run duration.</param>
/// <param name="CpuTime">Process CPU time consumed.</param>
/// <param name="CpuPercent">CPU time as a share of all cores over the wall time (100 = every core busy).</param>
/// <param name="ProcessorCount">Cores available to the process.</param>
/// <param name="Gen0Collections">Gen0 collections during the run.</param>
/// <param name="Gen1Collections">Gen1 collections during the run.</param>
/// <param name="Gen2Collections">Gen2 collections during the run.</param>
/// <param name="GcPauseTotal">Total time the runtime was paused for GC.</param>
/// <param name="GcPauseLongest">Longest single pause seen (sampled about once a second, so a burst of GCs between samples may hide one).</param>
/// <param name="AllocatedBytes">Bytes allocated by all threads.</param>
public sealed record ResourceStats(
    TimeSpan WallTime,
    TimeSpan CpuTime,
    double CpuPercent,
    int ProcessorCount,
    int Gen0Collections,
    int Gen1Collections,
    int Gen2Collections,
    TimeSpan GcPauseTotal,
    TimeSpan GcPauseLongest,
    long AllocatedBytes)
{
    /// <summary>GC pause time as a share of wall time, in percent.</summary>
    public double GcPausePercent => WallTime > TimeSpan.Zero ? 100.0 * GcPauseTotal / WallTime : 0;
}
