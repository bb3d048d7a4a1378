namespace SupportQueue.Core.Queueing;

/// <summary>
/// M/M/N with infinite patience. Pw comes from the Erlang B recursion, which stays in [0, 1] for any
/// N (no factorials or powers that overflow), converted by C = N·B / (N − A·(1 − B)).
/// SL(t) = 1 − Pw·e^(−(N−A)·t/AHT), ASA = Pw·AHT/(N−A), occupancy = A/N.
/// When A ≥ N the queue grows without bound: Pw = 1, SL = 0, ASA = ∞, occupancy = 1.
/// </summary>
public static class ErlangC
{
    /// <summary>Erlang B blocking probability B(N, A) by B(n) = A·B(n−1) / (n + A·B(n−1)), B(0) = 1.</summary>
    public static double ErlangB(int agents, double offeredLoad)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(agents);
        CheckNonNegative(offeredLoad, nameof(offeredLoad));
        var b = 1.0;
        for (var n = 1; n <= agents; n++)
        {
            b = NextErlangB(b, n, offeredLoad);
        }

        return b;
    }

    /// <summary>Probability that an arrival waits, C(N, A).</summary>
    public static double ProbabilityOfWait(int agents, double offeredLoad)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(agents);
        return offeredLoad >= agents ? 1.0 : FromErlangB(ErlangB(agents, offeredLoad), agents, offeredLoad);
    }

    /// <summary>All figures for N agents; rates and times in one consistent unit (e.g. per second and seconds).</summary>
    public static QueueMetrics Evaluate(double arrivalRate, double aht, int agents, double targetTime)
    {
        CheckNonNegative(arrivalRate, nameof(arrivalRate));
        CheckPositive(aht, nameof(aht));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(agents);
        CheckNonNegative(targetTime, nameof(targetTime));
        var a = arrivalRate * aht;
        return a >= agents ? Saturated(agents, a) : Metrics(ErlangB(agents, a), agents, a, aht, targetTime);
    }

    internal static double NextErlangB(double previous, int n, double offeredLoad) =>
        offeredLoad * previous / (n + offeredLoad * previous);

    internal static QueueMetrics Metrics(double erlangB, int agents, double a, double aht, double targetTime)
    {
        var pw = FromErlangB(erlangB, agents, a);
        var spare = agents - a;
        return new QueueMetrics(
            agents,
            a,
            pw,
            0.0,
            1.0 - pw * Math.Exp(-spare * targetTime / aht),
            pw * aht / spare,
            a / agents);
    }

    internal static QueueMetrics Saturated(int agents, double a) =>
        new(agents, a, 1.0, 0.0, 0.0, double.PositiveInfinity, 1.0);

    internal static void CheckPositive(double value, string name)
    {
        if (!double.IsFinite(value) || value <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value, "must be finite and > 0");
        }
    }

    internal static void CheckNonNegative(double value, string name)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            throw new ArgumentOutOfRangeException(name, value, "must be finite and >= 0");
        }
    }

    private static double FromErlangB(double b, int agents, double a) => agents * b / (agents - a * (1.0 - b));
}
