namespace SupportQueue.Reporting.Planning;

/// <summary>How <see cref="SvgHeatMap"/> colours a value.</summary>
public enum HeatMapScale
{
    /// <summary>White at zero, red below, blue above: for differences such as scheduled − required.</summary>
    Diverging,

    /// <summary>White at the lowest value to dark blue at the highest: for amounts such as head counts.</summary>
    Sequential,
}
