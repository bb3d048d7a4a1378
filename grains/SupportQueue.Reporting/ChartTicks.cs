namespace SupportQueue.Reporting;

/// <summary>Where a chart axis puts its ticks.</summary>
internal static class ChartTicks
{
    /// <summary>Round tick values (1, 2, 2.5 or 5 times a power of ten) covering [min, max].</summary>
    internal static List<double> NiceTicks(double min, double max, int targetCount)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max) || max <= min)
        {
            return [min, min + 1];
        }

        var rough = (max - min) / Math.Max(1, targetCount);
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var residual = rough / magnitude;
        var step = residual switch
        {
            <= 1 => 1,
            <= 2 => 2,
            <= 2.5 => 2.5,
            <= 5 => 5,
            _ => 10,
        } * magnitude;

        var first = Math.Floor(min / step) * step;
        var last = Math.Ceiling(max / step) * step;
        var ticks = new List<double>();
        for (var i = 0; ; i++)
        {
            var t = first + (i * step);
            // Snap away accumulated floating error so labels read "0.3" rather than "0.30000000000000004".
            t = Math.Round(t / step) * step;
            ticks.Add(t);
            if (t >= last - (step * 1e-9) || i > 1000)
            {
                break;
            }
        }

        return ticks;
    }
}
