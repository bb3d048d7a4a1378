using SupportQueue.Core.Queueing;
using SupportQueue.Core.Simulation;

namespace SupportQueue.Core.Planning;

/// <summary>
/// The iterative staffing loop's starting point: the modified-offered-load (MOL) staffing. The
/// offered load m(t) is the mean number of tickets an infinite-server tier would hold — arrivals
/// still in service from earlier intervals included — and each interval is sized with the
/// stationary formula at m(t) instead of at its own arrival rate × handling time. With handling
/// times longer than an interval this follows the load's lag behind arrivals (stationary Erlang
/// overstaffs the rise and understaffs the fall), so the loop starts close to its answer.
/// </summary>
internal static class OfferedLoadStart
{
    /// <summary>
    /// Interval-mean offered load for piecewise-constant arrivals <paramref name="arrivals"/> (tickets
    /// per interval) and exponential handling of mean <paramref name="ahtMinutes"/> (exact for it):
    /// within an interval of rate λ, m moves from m₀ towards λ·AHT as m₀·e^(−u/AHT) + λ·AHT·(1 − e^(−u/AHT)).
    /// Starts in steady state at the first interval's load.
    /// </summary>
    public static double[] Load(IReadOnlyList<double> arrivals, double intervalMinutes, double ahtMinutes)
    {
        var result = new double[arrivals.Count];
        if (arrivals.Count == 0 || !(ahtMinutes > 0))
        {
            return result;
        }

        var decay = Math.Exp(-intervalMinutes / ahtMinutes);
        var meanFactor = ahtMinutes / intervalMinutes * (1 - decay);
        var m = arrivals[0] / intervalMinutes * ahtMinutes;
        for (var t = 0; t < arrivals.Count; t++)
        {
            var settled = arrivals[t] / intervalMinutes * ahtMinutes;
            result[t] = settled + ((m - settled) * meanFactor);
            m = settled + ((m - settled) * decay);
        }

        return result;
    }

    /// <summary>
    /// Agents per interval: Erlang A at the offered load when <paramref name="patienceMinutes"/> is
    /// known, Erlang C otherwise, slots divided by <paramref name="capacity"/>; 0 where nothing arrives.
    /// </summary>
    public static int[] Staffing(
        IReadOnlyList<double> arrivals, double intervalMinutes, double ahtMinutes, double? patienceMinutes, double thresholdMinutes, double target, double capacity)
    {
        var load = Load(arrivals, intervalMinutes, ahtMinutes);
        var staffing = new int[load.Length];
        var goal = Math.Min(target, StaffingPlan.MaxTarget);
        for (var t = 0; t < load.Length; t++)
        {
            if (arrivals[t] <= 0 || load[t] <= 0)
            {
                continue;
            }

            var rate = load[t] / ahtMinutes;
            var slots = patienceMinutes is { } p
                ? StaffingSolver.ErlangA(rate, ahtMinutes, p, thresholdMinutes, goal).Agents
                : StaffingSolver.ErlangC(rate, ahtMinutes, thresholdMinutes, goal).Agents;
            staffing[t] = (int)Math.Ceiling((slots / capacity) - 1e-9);
        }

        return staffing;
    }
}
