namespace SupportQueue.LoadTests.Thresholds;

/// <summary>How the measured value must compare to the limit.</summary>
public enum ThresholdComparison
{
    /// <summary>&lt;</summary>
    Less,

    /// <summary>&lt;=</summary>
    LessOrEqual,

    /// <summary>&gt;</summary>
    Greater,

    /// <summary>&gt;=</summary>
    GreaterOrEqual,

    /// <summary>==</summary>
    Equal,
}
