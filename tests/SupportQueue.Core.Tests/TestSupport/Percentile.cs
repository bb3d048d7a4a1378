namespace SupportQueue.Core.Tests.TestSupport;

/// <summary>
/// Sample percentiles by linear interpolation between order statistics (Hyndman–Fan type 7, the
/// default of numpy, R and Excel's PERCENTILE.INC): with sorted x₀ … x_{n−1} and h = (n − 1)·p,
/// the result is x_⌊h⌋ + (h − ⌊h⌋)·(x_⌊h⌋+1 − x_⌊h⌋). p = 0 gives the minimum, p = 1 the maximum.
/// </summary>
internal static class Percentile
{
    /// <summary>Percentile of already sorted values (ascending); <paramref name="p"/> in [0, 1].</summary>
    public static double OfSorted(ReadOnlySpan<double> sorted, double p)
    {
        if (sorted.IsEmpty)
        {
            throw new ArgumentException("At least one value is needed.", nameof(sorted));
        }

        if (!(p >= 0 && p <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "must be in [0, 1]");
        }

        var h = (sorted.Length - 1) * p;
        var below = (int)Math.Floor(h);
        if (below >= sorted.Length - 1)
        {
            return sorted[^1];
        }

        return sorted[below] + (h - below) * (sorted[below + 1] - sorted[below]);
    }

    /// <summary>Percentile of unsorted values; sorts a copy.</summary>
    public static double Of(ReadOnlySpan<double> values, double p)
    {
        var copy = values.ToArray();
        Array.Sort(copy);
        return OfSorted(copy, p);
    }
}
