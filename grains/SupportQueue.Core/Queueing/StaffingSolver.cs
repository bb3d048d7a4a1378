namespace SupportQueue.Core.Queueing;

/// <summary>
/// Smallest head count meeting a service-level target (and optional caps), by scanning N upward
/// from a proven lower bound; Erlang B is advanced by one recursion step per candidate.
/// </summary>
public static class StaffingSolver
{
    private const int MaxAgents = 10_000_000;

    /// <summary>
    /// Minimal N with SL(<paramref name="targetTime"/>) ≥ <paramref name="serviceLevel"/> and
    /// occupancy ≤ <paramref name="maxOccupancy"/> under Erlang C. Returns the metrics at that N.
    /// </summary>
    public static QueueMetrics ErlangC(
        double arrivalRate, double aht, double targetTime, double serviceLevel, double maxOccupancy = 1.0)
    {
        CheckTargets(arrivalRate, aht, targetTime, serviceLevel, maxOccupancy);
        var a = arrivalRate * aht;

        // N must exceed A for a steady state, and reach A / maxOccupancy for the cap.
        var n = Math.Max(1, (int)Math.Floor(a) + 1);
        var b = Queueing.ErlangC.ErlangB(n, a);
        while (true)
        {
            var metrics = Queueing.ErlangC.Metrics(b, n, a, aht, targetTime);
            if (metrics.ServiceLevel >= serviceLevel && metrics.Occupancy <= maxOccupancy)
            {
                return metrics;
            }

            n = checked(n + 1);
            b = Queueing.ErlangC.NextErlangB(b, n, a);
            Guard(n);
        }
    }

    /// <summary>
    /// Minimal N with SL ≥ <paramref name="serviceLevel"/> (abandoners are misses), occupancy ≤
    /// <paramref name="maxOccupancy"/> and P(abandon) ≤ <paramref name="maxAbandon"/> under Erlang A.
    /// </summary>
    public static QueueMetrics ErlangA(
        double arrivalRate,
        double aht,
        double patience,
        double targetTime,
        double serviceLevel,
        double maxOccupancy = 1.0,
        double maxAbandon = 1.0)
    {
        CheckTargets(arrivalRate, aht, targetTime, serviceLevel, maxOccupancy);
        Queueing.ErlangC.CheckPositive(patience, nameof(patience));
        if (!(maxAbandon > 0 && maxAbandon <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(maxAbandon), maxAbandon, "must be in (0, 1]");
        }

        var a = arrivalRate * aht;

        // Busy servers average the carried load A·(1 − P(abandon)) ≤ N, and SL ≤ 1 − P(abandon),
        // so SL ≤ N / A: no N below A·target can succeed.
        var n = Math.Max(1, (int)Math.Floor(a * serviceLevel));
        var b = Queueing.ErlangC.ErlangB(n, a);
        while (true)
        {
            var metrics = Queueing.ErlangA.Evaluate(arrivalRate, aht, patience, n, targetTime, b);
            if (metrics.ServiceLevel >= serviceLevel && metrics.Occupancy <= maxOccupancy && metrics.ProbabilityOfAbandon <= maxAbandon)
            {
                return metrics;
            }

            n = checked(n + 1);
            b = Queueing.ErlangC.NextErlangB(b, n, a);
            Guard(n);
        }
    }

    private static void CheckTargets(double arrivalRate, double aht, double targetTime, double serviceLevel, double maxOccupancy)
    {
        Queueing.ErlangC.CheckNonNegative(arrivalRate, nameof(arrivalRate));
        Queueing.ErlangC.CheckPositive(aht, nameof(aht));
        Queueing.ErlangC.CheckNonNegative(targetTime, nameof(targetTime));
        if (!(serviceLevel >= 0 && serviceLevel < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(serviceLevel), serviceLevel, "must be in [0, 1)");
        }

        if (!(maxOccupancy > 0 && maxOccupancy <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(maxOccupancy), maxOccupancy, "must be in (0, 1]");
        }
    }

    private static void Guard(int n)
    {
        if (n > MaxAgents)
        {
            throw new InvalidOperationException("No head count up to 10,000,000 meets the targets.");
        }
    }
}
