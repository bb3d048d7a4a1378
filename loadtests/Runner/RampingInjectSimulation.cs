namespace SupportQueue.LoadTests.Runner;

/// <summary>Ramps the injection rate linearly from the previous phase's rate (0 if none) to <see cref="RateSimulation.Rate"/> per <see cref="RateSimulation.Interval"/>.</summary>
public sealed record RampingInjectSimulation : RateSimulation
{
    internal RampingInjectSimulation(double rate, TimeSpan interval, TimeSpan during)
        : base(rate, interval, during)
    {
    }
}
