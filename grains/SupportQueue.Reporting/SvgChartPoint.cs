namespace SupportQueue.Reporting;

/// <summary>One point of a chart series.</summary>
/// <param name="X">Horizontal value (for bar charts, the category key).</param>
/// <param name="Y">Vertical value.</param>
public readonly record struct SvgChartPoint(double X, double Y);
