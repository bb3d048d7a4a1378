using SupportQueue.LoadTests.Measurement;
using SupportQueue.LoadTests.Thresholds;

namespace SupportQueue.LoadTests.Runner;

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
