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
