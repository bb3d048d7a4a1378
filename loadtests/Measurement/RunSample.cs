namespace SupportQueue.LoadTests.Measurement;

/// <summary>Run-wide figures for one sampling interval.</summary>
/// <param name="ElapsedSeconds">Seconds since the run started.</param>
/// <param name="InFlight">Open-model requests in flight at the sample.</param>
/// <param name="CpuPercent">Process CPU over the interval, as a share of all cores.</param>
/// <param name="GcPauseMs">GC pause time during the interval.</param>
public sealed record RunSample(double ElapsedSeconds, int InFlight, double CpuPercent, double GcPauseMs);
