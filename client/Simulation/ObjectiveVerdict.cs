namespace SupportQueue.Client.Simulation;

/// <summary>How the achieved service level compares with the objective, given its confidence interval.</summary>
public enum ObjectiveVerdict
{
    /// <summary>The whole confidence interval is at or above the target.</summary>
    Met,

    /// <summary>The mean is at or above the target but the interval reaches below it.</summary>
    MetNarrowly,

    /// <summary>The mean is below the target but the interval reaches above it.</summary>
    MissedNarrowly,

    /// <summary>The whole interval is below the target.</summary>
    Missed,

    /// <summary>No ticket counted toward the objective.</summary>
    NoData,
}
