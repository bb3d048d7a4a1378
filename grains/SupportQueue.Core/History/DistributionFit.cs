using SupportQueue.Core.Randomness;

namespace SupportQueue.Core.History;

/// <summary>Maximum-likelihood fits of handling times and their Kolmogorov–Smirnov distance.</summary>
internal static class DistributionFit
{
    /// <summary>Fits exponential and lognormal; the smaller KS distance wins.</summary>
    public static FittedHandling Fit(string ticketClass, string tier, IReadOnlyList<double> sample)
    {
        var sorted = sample.Where(x => x > 0 && double.IsFinite(x)).Order().ToArray();
        var mean = sorted.Length == 0 ? 0 : sorted.Average();
        if (sorted.Length < 2)
        {
            return new FittedHandling(ticketClass, tier, sorted.Length, DistributionSpec.Exponential(Math.Max(mean, 0.01)), double.NaN, double.NaN, mean);
        }

        var logs = sorted.Select(x => Math.Log(x)).ToArray();
        var mu = logs.Average();
        var sigma = Math.Sqrt(logs.Sum(l => (l - mu) * (l - mu)) / logs.Length);
        var ksExp = Ks(sorted, x => 1 - Math.Exp(-x / mean));
        var ksLog = sigma > 0 ? Ks(sorted, x => NormalCdf((Math.Log(x) - mu) / sigma)) : 1;
        var lognormalMean = Math.Exp(mu + (sigma * sigma / 2));
        var lognormalSd = lognormalMean * Math.Sqrt(Math.Exp(sigma * sigma) - 1);
        var chosen = ksLog < ksExp && lognormalSd > 0
            ? DistributionSpec.Lognormal(Round(lognormalMean), Round(lognormalSd))
            : DistributionSpec.Exponential(Round(mean));
        return new FittedHandling(ticketClass, tier, sorted.Length, chosen, ksExp, ksLog, mean);
    }

    /// <summary>sup |F_n(x) − F(x)| over the sorted sample.</summary>
    public static double Ks(double[] sorted, Func<double, double> cdf)
    {
        var n = sorted.Length;
        var d = 0.0;
        for (var i = 0; i < n; i++)
        {
            var f = cdf(sorted[i]);
            d = Math.Max(d, Math.Max(((i + 1.0) / n) - f, f - ((double)i / n)));
        }

        return d;
    }

    /// <summary>Φ(z) from erfc (Abramowitz–Stegun 7.1.26; absolute error below 1.5e-7, ample for a KS distance).</summary>
    public static double NormalCdf(double z)
    {
        var x = Math.Abs(z) / Math.Sqrt(2);
        var t = 1 / (1 + (0.3275911 * x));
        var poly = 0.254829592 + (t * (-0.284496736 + (t * (1.421413741 + (t * (-1.453152027 + (t * 1.061405429)))))));
        var erfc = t * poly * Math.Exp(-x * x);
        return z >= 0 ? 1 - (erfc / 2) : erfc / 2;
    }

    public static double Round(double value) => Math.Round(value, value >= 10 ? 2 : 3);
}
