namespace SupportQueue.Core.Statistics;

/// <summary>Student's t distribution: CDF through the incomplete beta function, quantile by safeguarded Newton.</summary>
public static class StudentT
{
    /// <summary>P(T ≤ t) for ν degrees of freedom (ν &gt; 0, need not be an integer).</summary>
    public static double Cdf(double t, double degreesOfFreedom)
    {
        CheckDegrees(degreesOfFreedom);
        if (double.IsNaN(t))
        {
            return double.NaN;
        }

        if (double.IsInfinity(t))
        {
            return t > 0 ? 1.0 : 0.0;
        }

        var tail = 0.5 * SpecialFunctions.BetaRegularized(degreesOfFreedom / (degreesOfFreedom + t * t), 0.5 * degreesOfFreedom, 0.5);
        return t > 0 ? 1.0 - tail : tail;
    }

    /// <summary>The t with P(T ≤ t) = <paramref name="p"/>; accurate to about 1e-10.</summary>
    public static double Quantile(double p, double degreesOfFreedom)
    {
        CheckDegrees(degreesOfFreedom);
        if (!(p > 0 && p < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "must be in (0, 1)");
        }

        if (p < 0.5)
        {
            return -Quantile(1.0 - p, degreesOfFreedom);
        }

        if (p == 0.5)
        {
            return 0.0;
        }

        // Closed forms where they exist, which also covers the heaviest tails.
        if (degreesOfFreedom == 1)
        {
            return Math.Tan(Math.PI * (p - 0.5));
        }

        if (degreesOfFreedom == 2)
        {
            return (2.0 * p - 1.0) / Math.Sqrt(2.0 * p * (1.0 - p));
        }

        // Bracket the root, then Newton steps that fall back to bisection when they leave the bracket.
        var low = 0.0;
        var high = 1.0;
        while (Cdf(high, degreesOfFreedom) < p)
        {
            low = high;
            high *= 2.0;
        }

        var logDensityConstant = SpecialFunctions.LogGamma(0.5 * (degreesOfFreedom + 1.0))
            - SpecialFunctions.LogGamma(0.5 * degreesOfFreedom)
            - 0.5 * Math.Log(degreesOfFreedom * Math.PI);
        var t = 0.5 * (low + high);
        for (var i = 0; i < 200; i++)
        {
            var error = Cdf(t, degreesOfFreedom) - p;
            if (error > 0)
            {
                high = t;
            }
            else
            {
                low = t;
            }

            var density = Math.Exp(logDensityConstant - 0.5 * (degreesOfFreedom + 1.0) * Math.Log(1.0 + t * t / degreesOfFreedom));
            var next = t - error / density;
            if (!(next > low && next < high))
            {
                next = 0.5 * (low + high);
            }

            if (Math.Abs(next - t) <= 1e-13 * Math.Max(1.0, Math.Abs(t)))
            {
                return next;
            }

            t = next;
        }

        return t;
    }

    private static void CheckDegrees(double degreesOfFreedom)
    {
        if (!(degreesOfFreedom > 0) || double.IsPositiveInfinity(degreesOfFreedom))
        {
            throw new ArgumentOutOfRangeException(nameof(degreesOfFreedom), degreesOfFreedom, "must be finite and > 0");
        }
    }
}
