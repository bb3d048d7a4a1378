using SupportQueue.Core.Randomness;

namespace SupportQueue.Core.Demand;

/// <summary>
/// Non-homogeneous Poisson arrivals by inverting the cumulative rate: draw E ~ Exp(1) and walk
/// forward across segment boundaries until the rate integral from the current time reaches E.
/// Exact for a piecewise-constant λ(t) (no thinning rejections), and unlike drawing the gap from
/// the rate in force now, it cannot step over a short peak that starts before the next arrival.
/// </summary>
public sealed class ArrivalGenerator(RateFunction rate, RandomStream rng)
{
    /// <summary>
    /// Time of the first arrival strictly after <paramref name="afterMinutes"/> (virtual minutes),
    /// or +∞ when it would fall at or beyond the horizon. By memorylessness, feeding back the
    /// previous arrival yields the whole process. Allocation-free.
    /// </summary>
    public double NextArrival(double afterMinutes)
    {
        var horizon = rate.HorizonMinutes;
        if (!(afterMinutes < horizon))
        {
            return double.PositiveInfinity;
        }

        var t = Math.Max(afterMinutes, 0.0);
        var remaining = rng.NextExponential();
        var last = rate.SegmentCount - 1;
        var segment = rate.SegmentIndex(t);
        while (true)
        {
            // Rounding can place t on the far edge of the segment SegmentIndex reports; skip such
            // an empty remainder rather than let t step backwards.
            var end = rate.SegmentEnd(segment);
            if (end > t)
            {
                var lambda = rate.SegmentRate(segment);
                var mass = lambda * (end - t);
                if (remaining < mass)
                {
                    var arrival = t + remaining / lambda;
                    return arrival < horizon ? arrival : double.PositiveInfinity;
                }

                remaining -= mass;
                t = end;
            }

            if (segment == last)
            {
                return double.PositiveInfinity;
            }

            segment++;
        }
    }
}
