namespace SupportQueue.Core.Tests.TestSupport;

/// <summary>Result of a χ² goodness-of-fit test.</summary>
/// <param name="Statistic">Σ (observed − expected)² / expected.</param>
/// <param name="DegreesOfFreedom">Cells minus constraints.</param>
/// <param name="PValue">P(χ²_df ≥ statistic).</param>
internal readonly record struct ChiSquareResult(double Statistic, int DegreesOfFreedom, double PValue);
