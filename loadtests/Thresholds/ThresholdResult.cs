namespace SupportQueue.LoadTests.Thresholds;

/// <summary>The verdict on one threshold.</summary>
/// <param name="Threshold">The threshold checked.</param>
/// <param name="Passed">Whether it held.</param>
/// <param name="Actual">The measured value in the threshold's unit, or null when nothing was measured.</param>
/// <param name="Detail">Human-readable explanation.</param>
public sealed record ThresholdResult(Threshold Threshold, bool Passed, double? Actual, string Detail);
