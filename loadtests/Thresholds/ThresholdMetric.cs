namespace SupportQueue.LoadTests.Thresholds;

/// <summary>What a threshold measures.</summary>
public enum ThresholdMetric
{
    /// <summary>A latency percentile (<see cref="Threshold.Percentile"/>), from the intended start, in ms.</summary>
    Percentile,

    /// <summary>Largest latency from the intended start, in ms.</summary>
    Max,

    /// <summary>Mean latency from the intended start, in ms.</summary>
    Mean,

    /// <summary>Successful completions per second.</summary>
    Rps,

    /// <summary>Successful completions.</summary>
    Count,

    /// <summary>Failures as a percentage of completions.</summary>
    FailPercent,

    /// <summary>Failures.</summary>
    Failures,

    /// <summary>Dropped starts as a percentage of everything due.</summary>
    DropPercent,

    /// <summary>Late starts as a percentage of completions.</summary>
    LatePercent,
}
