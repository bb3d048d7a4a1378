using SupportQueue.Core.Simulation;
using SupportQueue.Core.Statistics;

namespace SupportQueue.Core.Planning;

/// <summary>
/// A tier's service level in one interval over replications: tickets that joined the tier's queue
/// in the interval and were answered within the tier's threshold, over all that joined (abandoned
/// and still waiting count as misses). <see cref="Mean"/> is the ratio of the sums (stable when
/// volumes are small); <see cref="HalfWidth"/> is the 95 % half-width of that ratio estimator
/// (delta method over replications); NaN with fewer than two replications holding tickets.
/// </summary>
public sealed record IntervalServiceLevel(double Mean, double HalfWidth, double MeanOffered)
{
    public bool Loaded => MeanOffered > 0;

    /// <summary>Mean − half-width ≥ target: met beyond doubt; Mean + half-width &lt; target: missed beyond doubt.</summary>
    public bool WhollyBelow(double target) => Loaded && Mean + (double.IsNaN(HalfWidth) ? 0 : HalfWidth) < target;

    public static IntervalServiceLevel Of(IReadOnlyList<ReplicationResult> runs, int tier, int interval) =>
        Of(runs, tier, interval, interval);

    /// <summary>
    /// The pooled service level of intervals <paramref name="first"/> … <paramref name="last"/>:
    /// their tickets together, one ratio per replication for the half-width.
    /// </summary>
    public static IntervalServiceLevel Of(IReadOnlyList<ReplicationResult> runs, int tier, int first, int last)
    {
        ArgumentNullException.ThrowIfNull(runs);
        double offered = 0, within = 0;
        foreach (var run in runs)
        {
            offered += Sum(run.Tiers[tier].Offered, first, last);
            within += Sum(run.Tiers[tier].AnsweredWithin, first, last);
        }

        if (runs.Count == 0 || offered <= 0)
        {
            return new IntervalServiceLevel(double.NaN, double.NaN, 0);
        }

        var mean = within / offered;
        var n = runs.Count;
        var halfWidth = double.NaN;
        if (n >= 2)
        {
            var squares = 0.0;
            foreach (var run in runs)
            {
                var d = Sum(run.Tiers[tier].AnsweredWithin, first, last) - (mean * Sum(run.Tiers[tier].Offered, first, last));
                squares += d * d;
            }

            var meanOffered = offered / n;
            halfWidth = StudentT.Quantile(0.975, n - 1) * Math.Sqrt(squares / (n - 1) / n) / meanOffered;
        }

        return new IntervalServiceLevel(mean, halfWidth, offered / n);
    }

    private static double Sum(System.Collections.Immutable.ImmutableArray<long> values, int first, int last)
    {
        var sum = 0L;
        for (var t = first; t <= last; t++)
        {
            sum += values[t];
        }

        return sum;
    }
}
