namespace SupportQueue.LoadTests.Measurement;

/// <summary>One operation over one sampling interval (about a second).</summary>
/// <param name="ElapsedSeconds">Seconds since the run started, at the end of the interval.</param>
/// <param name="Operation">Operation name.</param>
/// <param name="Count">Successful completions in the interval.</param>
/// <param name="Failures">Failures in the interval.</param>
/// <param name="Throughput">Successful completions per second in the interval.</param>
/// <param name="P50Ms">Median latency from the intended start.</param>
/// <param name="P99Ms">99th percentile from the intended start.</param>
/// <param name="ServiceP99Ms">99th percentile from the actual start.</param>
public sealed record OperationSample(
    double ElapsedSeconds,
    string Operation,
    long Count,
    long Failures,
    double Throughput,
    double P50Ms,
    double P99Ms,
    double ServiceP99Ms);
