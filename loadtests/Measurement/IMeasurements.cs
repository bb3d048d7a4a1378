namespace SupportQueue.LoadTests.Measurement;

/// <summary>
/// Where steps and targets report named operations. Timestamps are in the run clock's
/// <see cref="TimeProvider.GetTimestamp"/> units. Implementations are thread-safe and cheap enough for the hot path.
/// </summary>
public interface IMeasurements
{
    /// <summary>
    /// Records a completed operation. Latency is measured twice: from <paramref name="intendedStartTimestamp"/>
    /// (what a user waiting since the scheduled moment saw, corrected for coordinated omission) and from
    /// <paramref name="actualStartTimestamp"/> (service time as the load generator saw it).
    /// </summary>
    void Record(string operation, long intendedStartTimestamp, long actualStartTimestamp, long endTimestamp);

    /// <summary>Records a failed operation of the given kind (e.g. "timeout", "exception:InvalidOperationException").</summary>
    void RecordFailure(string operation, string kind);
}
