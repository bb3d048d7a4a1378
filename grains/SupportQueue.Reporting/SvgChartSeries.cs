namespace SupportQueue.Reporting;

/// <summary>A named series of points.</summary>
/// <param name="Name">Shown in the legend.</param>
/// <param name="Points">The points; line charts draw them in X order.</param>
/// <param name="Color">CSS colour; null picks one from the built-in palette by series index.</param>
/// <param name="StepLine">Line charts only: hold each value until the next X instead of interpolating.</param>
public sealed record SvgChartSeries(string Name, IReadOnlyList<SvgChartPoint> Points, string? Color = null, bool StepLine = false);
