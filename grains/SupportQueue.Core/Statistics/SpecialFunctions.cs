namespace SupportQueue.Core.Statistics;

/// <summary>Log-gamma, regularised incomplete gamma and beta functions (double precision, ~1e-14).</summary>
internal static class SpecialFunctions
{
    private const double Epsilon = 1e-15;
    private const double Tiny = 1e-300;
    private const int MaxIterations = 10_000;
    private const double HalfLogTwoPi = 0.91893853320467274178; // ln(2π) / 2

    /// <summary>ln Γ(x) for x &gt; 0: Stirling's series after shifting x up to at least 10.</summary>
    public static double LogGamma(double x)
    {
        if (!(x > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "must be > 0");
        }

        // ln Γ(x) = ln Γ(x + n) − ln(x (x+1) … (x+n−1)); the product stays far from overflow for n ≤ 10.
        var shift = 0.0;
        var product = 1.0;
        while (x < 10.0)
        {
            product *= x;
            x += 1.0;
            shift = 1.0;
        }

        var inverse = 1.0 / x;
        var inverse2 = inverse * inverse;
        var series = inverse * (1.0 / 12 - inverse2 * (1.0 / 360 - inverse2 * (1.0 / 1260 - inverse2 * (1.0 / 1680 - inverse2 * (1.0 / 1188)))));
        var stirling = (x - 0.5) * Math.Log(x) - x + HalfLogTwoPi + series;
        return shift > 0 ? stirling - Math.Log(product) : stirling;
    }

    /// <summary>Upper regularised incomplete gamma Q(a, x) = Γ(a, x) / Γ(a).</summary>
    public static double GammaQ(double a, double x)
    {
        if (!(a > 0) || !(x >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "need a > 0 and x >= 0");
        }

        if (x == 0)
        {
            return 1.0;
        }

        if (double.IsPositiveInfinity(x))
        {
            return 0.0;
        }

        return x < a + 1.0 ? 1.0 - GammaPSeries(a, x) : GammaQContinuedFraction(a, x);
    }

    /// <summary>Regularised incomplete beta I_x(a, b).</summary>
    public static double BetaRegularized(double x, double a, double b)
    {
        if (x <= 0)
        {
            return 0.0;
        }

        if (x >= 1)
        {
            return 1.0;
        }

        var logFront = LogGamma(a + b) - LogGamma(a) - LogGamma(b) + a * Math.Log(x) + b * Math.Log(1.0 - x);
        var front = Math.Exp(logFront);

        // The continued fraction converges fast only left of the mean; use the symmetry
        // I_x(a, b) = 1 − I_{1−x}(b, a) on the other side.
        return x < (a + 1.0) / (a + b + 2.0)
            ? front * BetaContinuedFraction(x, a, b) / a
            : 1.0 - front * BetaContinuedFraction(1.0 - x, b, a) / b;
    }

    private static double GammaPSeries(double a, double x)
    {
        var term = 1.0 / a;
        var sum = term;
        for (var n = 1; n < MaxIterations; n++)
        {
            term *= x / (a + n);
            sum += term;
            if (Math.Abs(term) < Math.Abs(sum) * Epsilon)
            {
                break;
            }
        }

        return sum * Math.Exp(-x + a * Math.Log(x) - LogGamma(a));
    }

    // Modified Lentz evaluation of Γ(a, x) = e^(−x) x^a / (x + 1 − a − 1·(1−a)/(x + 3 − a − …)).
    private static double GammaQContinuedFraction(double a, double x)
    {
        var b = x + 1.0 - a;
        var c = 1.0 / Tiny;
        var d = 1.0 / b;
        var h = d;
        for (var i = 1; i < MaxIterations; i++)
        {
            var an = -i * (i - a);
            b += 2.0;
            d = an * d + b;
            d = Math.Abs(d) < Tiny ? Tiny : d;
            c = b + an / c;
            c = Math.Abs(c) < Tiny ? Tiny : c;
            d = 1.0 / d;
            var delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1.0) < Epsilon)
            {
                break;
            }
        }

        return Math.Exp(-x + a * Math.Log(x) - LogGamma(a)) * h;
    }

    // Modified Lentz evaluation of the standard continued fraction for I_x(a, b).
    private static double BetaContinuedFraction(double x, double a, double b)
    {
        var c = 1.0;
        var d = 1.0 - (a + b) * x / (a + 1.0);
        d = Math.Abs(d) < Tiny ? Tiny : d;
        d = 1.0 / d;
        var h = d;
        for (var m = 1; m < MaxIterations; m++)
        {
            var m2 = 2 * m;
            var even = m * (b - m) * x / ((a + m2 - 1.0) * (a + m2));
            d = 1.0 + even * d;
            d = Math.Abs(d) < Tiny ? Tiny : d;
            c = 1.0 + even / c;
            c = Math.Abs(c) < Tiny ? Tiny : c;
            d = 1.0 / d;
            h *= d * c;

            var odd = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1.0));
            d = 1.0 + odd * d;
            d = Math.Abs(d) < Tiny ? Tiny : d;
            c = 1.0 + odd / c;
            c = Math.Abs(c) < Tiny ? Tiny : c;
            d = 1.0 / d;
            var delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1.0) < Epsilon)
            {
                break;
            }
        }

        return h;
    }
}
