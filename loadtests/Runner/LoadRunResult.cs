using SupportQueue.LoadTests.Measurement;
using SupportQueue.LoadTests.Thresholds;

namespace SupportQueue.LoadTests.Runner;

/// <summary>What happened to one scenario's requests.</summary>
/// <param name="Name">Scenario name.</param>
/// <param name="PlannedDuration">Sum of its phases.</param>
/// <param name="Due">Open-model arrivals whose intended start came up.</param>
/// <param name="Started">Requests started (open and closed).</param>
/// <param name="Dropped">Open-model arrivals not started because of the in-flight bound.</param>
/// <param name="Late">Starts that trailed their intended time by more than the late-start threshold.</param>
/// <param name="Succeeded">Steps that returned success.</param>
/// <param name="Failed">Steps that failed or threw.</param>
/// <param name="Unfinished">Steps still running when the run gave up waiting.</param>
/// <param name="PeakInFlight">Most requests running at once.</param>
public sealed record ScenarioSummary(
    string Name,
    TimeSpan PlannedDuration,
    long Due,
    long Started,
    long Dropped,
    long Late,
    long Succeeded,
    long Failed,
    long Unfinished,
    int PeakInFlight);

/// <summary>Everything a run measured: input for reports and thresholds.</summary>
public sealed class LoadRunResult
{
    internal LoadRunResult(
        string runName,
        string? targetName,
        DateTimeOffset startedAt,
        TimeSpan duration,
        bool wasCancelled,
        IReadOnlyList<ScenarioSummary> scenarios,
        IReadOnlyList<OperationStats> operations,
        IReadOnlyList<OperationSample> operationSeries,
        IReadOnlyList<RunSample> runSeries,
        IReadOnlyList<SiloLoadSample> siloLoad,
        ResourceStats resources,
        IReadOnlyList<ThresholdResult> thresholds)
    {
        RunName = runName;
        TargetName = targetName;
        StartedAt = startedAt;
        Duration = duration;
        WasCancelled = wasCancelled;
        Scenarios = scenarios;
        Operations = operations;
        OperationSeries = operationSeries;
        RunSeries = runSeries;
        SiloLoad = siloLoad;
        Resources = resources;
        Thresholds = thresholds;
    }

    /// <summary>The run's name.</summary>
    public string RunName { get; }

    /// <summary>The target's name, if there was one.</summary>
    public string? TargetName { get; }

    /// <summary>Wall-clock start.</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>From start until every scenario finished and drained; throughput is computed over it.</summary>
    public TimeSpan Duration { get; }

    /// <summary>Whether the caller cancelled the run before the schedule ended.</summary>
    public bool WasCancelled { get; }

    /// <summary>Per-scenario counts.</summary>
    public IReadOnlyList<ScenarioSummary> Scenarios { get; }

    /// <summary>Per-operation statistics, in first-recorded order.</summary>
    public IReadOnlyList<OperationStats> Operations { get; }

    /// <summary>Per-interval, per-operation samples.</summary>
    public IReadOnlyList<OperationSample> OperationSeries { get; }

    /// <summary>Per-interval run-wide samples.</summary>
    public IReadOnlyList<RunSample> RunSeries { get; }

    /// <summary>Per-interval per-silo load from the target (empty when it has none).</summary>
    public IReadOnlyList<SiloLoadSample> SiloLoad { get; }

    /// <summary>CPU and GC over the run.</summary>
    public ResourceStats Resources { get; }

    /// <summary>Threshold verdicts, in the order given.</summary>
    public IReadOnlyList<ThresholdResult> Thresholds { get; }

    /// <summary>Whether every threshold held and the run was not cancelled.</summary>
    public bool Passed => !WasCancelled && Thresholds.All(t => t.Passed);

    /// <summary>Process exit code: 0 when <see cref="Passed"/>, 1 for failed thresholds, 2 for a cancelled run.</summary>
    public int ExitCode => WasCancelled ? 130 : Passed ? 0 : 1;
}
