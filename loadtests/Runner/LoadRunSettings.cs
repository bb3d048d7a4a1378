namespace SupportQueue.LoadTests.Runner;

/// <summary>Everything a run needs besides the target.</summary>
public sealed record LoadRunSettings
{
    /// <summary>Name shown in reports.</summary>
    public string RunName { get; init; } = "load run";

    /// <summary>Scenarios; they all start together and run concurrently.</summary>
    public required IReadOnlyList<LoadScenario> Scenarios { get; init; }

    /// <summary>Threshold texts checked after the run (see <see cref="Thresholds.Threshold"/> for the syntax); parsed before anything starts.</summary>
    public IReadOnlyList<string> Thresholds { get; init; } = [];

    /// <summary>Arrival spacing for open-model phases.</summary>
    public ArrivalSpacing ArrivalSpacing { get; init; } = ArrivalSpacing.Poisson;

    /// <summary>Seed for Poisson spacing; each scenario derives its own stream from it.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Default open-model in-flight bound per scenario; arrivals beyond it are dropped and counted.</summary>
    public int MaxInFlight { get; init; } = 10_000;

    /// <summary>A start trailing its intended time by more than this counts as late.</summary>
    public TimeSpan LateStartThreshold { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>How long to wait for in-flight requests after the schedule ends before cancelling them.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Time-series resolution.</summary>
    public TimeSpan SampleInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Show the live console table; it stays off anyway when output is redirected or CI is set.</summary>
    public bool LiveView { get; init; } = true;

    /// <summary>The clock for scheduling and timestamps; tests substitute a fake one.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
