using SupportQueue.Core.Queueing;

namespace SupportQueue.Core.Tests.TestSupport;

/// <summary>M/M/1 closed forms; all return +∞ when λ ≥ μ (no steady state).</summary>
internal static class MM1
{
    /// <summary>Mean wait in queue Wq = λ / (μ(μ − λ)).</summary>
    public static double WaitInQueue(double arrivalRate, double serviceRate) =>
        Stable(arrivalRate, serviceRate) ? arrivalRate / (serviceRate * (serviceRate - arrivalRate)) : double.PositiveInfinity;

    /// <summary>Mean time in system W = 1 / (μ − λ).</summary>
    public static double TimeInSystem(double arrivalRate, double serviceRate) =>
        Stable(arrivalRate, serviceRate) ? 1.0 / (serviceRate - arrivalRate) : double.PositiveInfinity;

    /// <summary>Mean number waiting Lq = λ·Wq.</summary>
    public static double QueueLength(double arrivalRate, double serviceRate) =>
        arrivalRate * WaitInQueue(arrivalRate, serviceRate);

    private static bool Stable(double arrivalRate, double serviceRate)
    {
        ErlangC.CheckNonNegative(arrivalRate, nameof(arrivalRate));
        ErlangC.CheckPositive(serviceRate, nameof(serviceRate));
        return arrivalRate < serviceRate;
    }
}
