namespace SupportQueue.Core.Planning;

/// <summary>How an interval's verified service level stands against its tier's target (95 % confidence interval).</summary>
public enum IntervalVerdict
{
    /// <summary>Nothing arrived at the tier in the interval (or it lies in the warm-up).</summary>
    NotLoaded,

    /// <summary>The whole confidence interval is at or above the target.</summary>
    Met,

    /// <summary>The mean meets the target; the confidence interval reaches below it.</summary>
    MeanMet,

    /// <summary>The mean is below the target; the confidence interval reaches it (not shown to miss).</summary>
    MeanBelow,

    /// <summary>The whole confidence interval is below the target: shown to miss.</summary>
    Missed,
}
