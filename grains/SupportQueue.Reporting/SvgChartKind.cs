namespace SupportQueue.Reporting;

/// <summary>How a <see cref="SvgChart"/> draws its series.</summary>
public enum SvgChartKind
{
    /// <summary>Each series is a polyline through its points (or a step line, see <see cref="SvgChartSeries.StepLine"/>).</summary>
    Line,

    /// <summary>Each distinct X value is a category; the series' bars stand side by side within it.</summary>
    Bar,
}
