namespace SupportQueue.Core.Planning;

/// <summary>Why an interval still misses its target after the plan.</summary>
public enum MissReason
{
    /// <summary>The tier's head-count cap (or a template's max per day) leaves the roster short there.</summary>
    CapBinding,

    /// <summary>No template of the tier is on duty in the interval.</summary>
    NotCoverable,

    /// <summary>The solver chose a shortfall there (soft coverage) for another reason, or ran out of time.</summary>
    SoftShortfall,

    /// <summary>The roster covers the raised requirement, yet the interval is still below after the last verification round.</summary>
    StillBelowAfterRounds,
}
