using SupportQueue.LoadTests.Measurement;

namespace SupportQueue.LoadTests.Runner;

/// <summary>
/// A named load shape plus the step each request (open model) or loop iteration (closed model) runs.
/// Build with <see cref="Create"/> and the <c>With…</c> methods, NBomber-style.
/// </summary>
public sealed record LoadScenario
{
    private LoadScenario(string name, Func<StepContext, ValueTask<StepResult>> step)
    {
        Name = name;
        Step = step;
        StepOperation = name;
    }

    /// <summary>Scenario name; also the default operation name the step's latency is recorded under.</summary>
    public string Name { get; }

    /// <summary>The work of one request.</summary>
    public Func<StepContext, ValueTask<StepResult>> Step { get; }

    /// <summary>The phases, in order.</summary>
    public IReadOnlyList<LoadSimulation> Simulations { get; init; } = [];

    /// <summary>
    /// Operation the runner records each step's latency and outcome under (also where dropped starts go);
    /// null when the step records its own operations through <see cref="StepContext.Measurements"/>.
    /// </summary>
    public string? StepOperation { get; init; }

    /// <summary>Open model: requests allowed in flight at once; arrivals beyond it are dropped and counted. Null uses the run default.</summary>
    public int? MaxInFlight { get; init; }

    /// <summary>Starts a scenario definition.</summary>
    public static LoadScenario Create(string name, Func<StepContext, ValueTask<StepResult>> step)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(step);
        return new LoadScenario(name, step);
    }

    /// <summary>Sets the phases.</summary>
    public LoadScenario WithLoadSimulations(params LoadSimulation[] simulations) => this with { Simulations = [.. simulations] };

    /// <summary>Sets (or with null, turns off) the operation the step itself is recorded under.</summary>
    public LoadScenario WithStepOperation(string? operation) => this with { StepOperation = operation };

    /// <summary>Sets the open-model in-flight bound.</summary>
    public LoadScenario WithMaxInFlight(int maxInFlight) =>
        maxInFlight > 0
            ? this with { MaxInFlight = maxInFlight }
            : throw new ArgumentOutOfRangeException(nameof(maxInFlight), maxInFlight, "Must be at least 1.");
}

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

/// <summary>Outcome of one step.</summary>
public readonly record struct StepResult
{
    private StepResult(bool isSuccess, string? failureKind)
    {
        IsSuccess = isSuccess;
        FailureKind = failureKind;
    }

    /// <summary>Whether the step succeeded.</summary>
    public bool IsSuccess { get; }

    /// <summary>Failure category (e.g. "timeout", "rejected") when not successful.</summary>
    public string? FailureKind { get; }

    /// <summary>Success.</summary>
    public static StepResult Ok() => new(true, null);

    /// <summary>Failure of the given kind.</summary>
    public static StepResult Fail(string kind)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        return new(false, kind);
    }
}
