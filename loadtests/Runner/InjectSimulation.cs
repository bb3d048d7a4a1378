namespace SupportQueue.LoadTests.Runner;

/// <summary>Injects <see cref="RateSimulation.Rate"/> requests per <see cref="RateSimulation.Interval"/>, steadily.</summary>
public sealed record InjectSimulation : RateSimulation
{
    internal InjectSimulation(double rate, TimeSpan interval, TimeSpan during)
        : base(rate, interval, during)
    {
    }
}
