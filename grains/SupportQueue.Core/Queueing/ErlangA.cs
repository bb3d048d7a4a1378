namespace SupportQueue.Core.Queueing;

/// <summary>
/// M/M/N+M (Palm/Erlang A): exponential service (mean AHT) and exponential patience (mean
/// <c>patience</c>); a waiting customer abandons when patience runs out. Exact, from the
/// birth–death chain with birth rate λ and death rate min(n, N)·μ + max(n − N, 0)·θ, summed until
/// the tail is below 1e-16 of the mass (the chain is stable for any load).
/// <para>Definitions (the same as pyworkforce's ErlangA, whose reference figures this reproduces):
/// Pw = P(n ≥ N) seen by an arrival; P(abandon) = θ·Lq/λ; ASA = Lq/λ, the mean wait over all
/// arrivals including those who abandon; occupancy = λ·(1 − P(abandon))·AHT / N;
/// SL(T) = P(answered within T) where abandoners always count as misses.</para>
/// <para>For SL, an arrival finding j others waiting is answered once j + 1 "departures from ahead"
/// occur (rate Nμ + iθ with i still ahead) before its own patience expires. That offered wait is
/// distributed as −ln(B)/θ with B ~ Beta(Nμ/θ, j + 1), which gives
/// P(answered within T | j ahead) = a/(a + j + 1)·(1 − I_x(a + 1, j + 1)) with a = Nμ/θ,
/// x = e^(−θT) and I the regularised incomplete beta function; I_x(p, j + 1) follows from
/// I_x(p, 1) = x^p by a recursion that only adds positive terms, so the sum is stable and O(1)
/// per state. (pyworkforce integrates the same tagged-customer chain numerically.)</para>
/// </summary>
public static class ErlangA
{
    private const double Rescale = 1e-200;
    private const long MaxQueueStates = 50_000_000;

    /// <summary>All figures for N agents; rates and times in one consistent unit.</summary>
    public static QueueMetrics Evaluate(double arrivalRate, double aht, double patience, int agents, double targetTime)
    {
        ErlangC.CheckNonNegative(arrivalRate, nameof(arrivalRate));
        ErlangC.CheckPositive(aht, nameof(aht));
        ErlangC.CheckPositive(patience, nameof(patience));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(agents);
        ErlangC.CheckNonNegative(targetTime, nameof(targetTime));
        return Evaluate(arrivalRate, aht, patience, agents, targetTime, ErlangC.ErlangB(agents, arrivalRate * aht));
    }

    internal static QueueMetrics Evaluate(double lambda, double aht, double patience, int agents, double targetTime, double erlangB)
    {
        var a = lambda * aht;
        if (erlangB <= 0.0 || lambda <= 0.0)
        {
            return new QueueMetrics(agents, a, 0.0, 0.0, 1.0, 0.0, a / agents);
        }

        var mu = 1.0 / aht;
        var theta = 1.0 / patience;
        var serviceRate = agents * mu;

        // Masses relative to π_N: states below N sum to 1/B (Erlang B normalisation), π_N itself is 1.
        var belowN = 1.0 / erlangB - 1.0;
        var q = 1.0;
        var sumQ = 1.0;
        var sumKQ = 0.0;

        var p = serviceRate / theta + 1.0;
        var thetaT = theta * targetTime;
        var slTracked = targetTime > 0.0;
        var logOneMinusX = slTracked ? Math.Log(-double.ExpM1(-thetaT)) : 0.0;
        var incompleteBeta = slTracked ? Math.Exp(-p * thetaT) : 1.0;
        var logTerm = slTracked ? Math.Log(p) - p * thetaT + logOneMinusX : double.NegativeInfinity;
        var sumQG = slTracked ? (p - 1.0) / p * (1.0 - incompleteBeta) : 0.0;

        var peak = Math.Max(0.0, (lambda - serviceRate) / theta);
        for (long k = 1; ; k++)
        {
            q *= lambda / (serviceRate + k * theta);
            if (q > 1.0 / Rescale)
            {
                q *= Rescale;
                sumQ *= Rescale;
                sumKQ *= Rescale;
                sumQG *= Rescale;
                belowN *= Rescale;
            }

            sumQ += q;
            sumKQ += k * q;
            if (slTracked)
            {
                incompleteBeta = Math.Min(1.0, incompleteBeta + Math.Exp(logTerm));
                logTerm += logOneMinusX + Math.Log((p + k) / (k + 1));
                sumQG += q * (p - 1.0) / (p + k) * (1.0 - incompleteBeta);
            }

            if (k > peak && q < 1e-16 * (sumQ + belowN))
            {
                break;
            }

            if (k >= MaxQueueStates)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(patience), patience, "patience too long for this overload: the queue does not settle; use Erlang C");
            }
        }

        var total = belowN + sumQ;
        var pw = sumQ / total;
        var lq = sumKQ / total;
        var abandon = theta * lq / lambda;
        var serviceLevel = (belowN + sumQG) / total;
        return new QueueMetrics(
            agents,
            a,
            pw,
            abandon,
            Math.Clamp(serviceLevel, 0.0, 1.0),
            lq / lambda,
            lambda * (1.0 - abandon) * aht / agents);
    }
}
