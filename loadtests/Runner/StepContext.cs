using SupportQueue.LoadTests.Measurement;

namespace SupportQueue.LoadTests.Runner;

/// <summary>What a step gets to know about the request it runs.</summary>
public sealed class StepContext
{
    internal StepContext(
        string scenarioName,
        long invocationNumber,
        int copyIndex,
        long intendedStartTimestamp,
        long actualStartTimestamp,
        IMeasurements measurements,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        ScenarioName = scenarioName;
        InvocationNumber = invocationNumber;
        CopyIndex = copyIndex;
        IntendedStartTimestamp = intendedStartTimestamp;
        ActualStartTimestamp = actualStartTimestamp;
        Measurements = measurements;
        Time = time;
        CancellationToken = cancellationToken;
    }

    /// <summary>The scenario this request belongs to.</summary>
    public string ScenarioName { get; }

    /// <summary>0-based sequence number of this request within the scenario.</summary>
    public long InvocationNumber { get; }

    /// <summary>Closed model: which copy runs the loop; -1 for open-model arrivals.</summary>
    public int CopyIndex { get; }

    /// <summary>When the schedule wanted this request to start (<see cref="TimeProvider.GetTimestamp"/> units).</summary>
    public long IntendedStartTimestamp { get; }

    /// <summary>When it really started (same units).</summary>
    public long ActualStartTimestamp { get; }

    /// <summary>Where to record extra named latencies, e.g. ones that complete later asynchronously.</summary>
    public IMeasurements Measurements { get; }

    /// <summary>The run's clock.</summary>
    public TimeProvider Time { get; }

    /// <summary>Cancelled when the run gives up waiting for in-flight requests.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>Records <paramref name="operation"/> as having started with this request and ending now.</summary>
    public void RecordSinceStart(string operation) =>
        Measurements.Record(operation, IntendedStartTimestamp, ActualStartTimestamp, Time.GetTimestamp());
}
