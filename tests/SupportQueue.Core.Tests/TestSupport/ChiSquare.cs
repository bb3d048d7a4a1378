using SupportQueue.Core.Statistics;

namespace SupportQueue.Core.Tests.TestSupport;

/// <summary>Pearson's χ² goodness-of-fit test with the p-value from the regularised incomplete gamma function.</summary>
internal static class ChiSquare
{
    /// <summary>
    /// Tests observed counts against expected counts (each expected &gt; 0; keep them ≥ 5 for the
    /// χ² approximation to hold). <paramref name="constraints"/> is subtracted from the number of
    /// cells: 1 when the expected counts were scaled to the observed total (multinomial), 0 for
    /// independent Poisson cells with known means (e.g. arrivals per interval against
    /// Λ(interval)), plus one per parameter estimated from the same data.
    /// </summary>
    public static ChiSquareResult GoodnessOfFit(ReadOnlySpan<long> observed, ReadOnlySpan<double> expected, int constraints = 1)
    {
        if (observed.Length != expected.Length)
        {
            throw new ArgumentException("Observed and expected must have the same number of cells.", nameof(expected));
        }

        var degrees = observed.Length - constraints;
        if (degrees < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(constraints), constraints, "leaves no degrees of freedom");
        }

        var statistic = 0.0;
        for (var i = 0; i < observed.Length; i++)
        {
            if (!(expected[i] > 0) || double.IsInfinity(expected[i]))
            {
                throw new ArgumentOutOfRangeException(nameof(expected), expected[i], $"cell {i} must have a finite expected count > 0");
            }

            var difference = observed[i] - expected[i];
            statistic += difference * difference / expected[i];
        }

        return new ChiSquareResult(statistic, degrees, SurvivalFunction(statistic, degrees));
    }

    /// <summary>P(χ²_k ≥ x) = Q(k/2, x/2).</summary>
    public static double SurvivalFunction(double x, double degreesOfFreedom)
    {
        if (!(degreesOfFreedom > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(degreesOfFreedom), degreesOfFreedom, "must be > 0");
        }

        return x <= 0 ? 1.0 : SpecialFunctions.GammaQ(0.5 * degreesOfFreedom, 0.5 * x);
    }
}
