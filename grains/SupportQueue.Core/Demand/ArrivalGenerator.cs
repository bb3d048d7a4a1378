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
    // The segment of the last start time, its end and rate: arrivals come in increasing time, so
    // most start in the segment of the one before, without looking it up again.
    private int _segment = -1;
    private double _segmentFrom = double.PositiveInfinity;
    private double _segmentEnd = double.NegativeInfinity;
    private double _segmentRate;

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
        int segment;
        double end;
        double lambda;
        if (t >= _segmentFrom && t < _segmentEnd)
        {
            segment = _segment;
            end = _segmentEnd;
            lambda = _segmentRate;
        }
        else
        {
            segment = rate.SegmentIndex(t);
            end = rate.SegmentEnd(segment);
            lambda = rate.SegmentRate(segment);
            _segment = segment;
            _segmentFrom = t;
            _segmentEnd = end;
            _segmentRate = lambda;
        }

        var last = rate.SegmentCount - 1;
        while (true)
        {
            // Rounding can place t on the far edge of the segment SegmentIndex reports; skip such
            // an empty remainder rather than let t step backwards.
            if (end > t)
            {
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
            end = rate.SegmentEnd(segment);
            lambda = rate.SegmentRate(segment);
        }
    }
}
