namespace SupportQueue.LoadTests.Runner;

/// <summary>Factory for load simulations, named after NBomber's vocabulary.</summary>
public static class Simulation
{
    /// <summary>Open model: <paramref name="rate"/> requests every <paramref name="interval"/> for <paramref name="during"/>.</summary>
    public static LoadSimulation Inject(double rate, TimeSpan interval, TimeSpan during) => new InjectSimulation(rate, interval, during);

    /// <summary>Open model: ramp linearly from the previous rate to <paramref name="rate"/> per <paramref name="interval"/>.</summary>
    public static LoadSimulation RampingInject(double rate, TimeSpan interval, TimeSpan during) =>
        new RampingInjectSimulation(rate, interval, during);

    /// <summary>Closed model: <paramref name="copies"/> copies looping for <paramref name="during"/>.</summary>
    public static LoadSimulation KeepConstant(int copies, TimeSpan during) => new KeepConstantSimulation(copies, during);

    /// <summary>Closed model: ramp the copy count linearly from the previous count to <paramref name="copies"/>.</summary>
    public static LoadSimulation RampingConstant(int copies, TimeSpan during) => new RampingConstantSimulation(copies, during);

    /// <summary>No load for <paramref name="during"/>.</summary>
    public static LoadSimulation Pause(TimeSpan during) => new PauseSimulation(during);

    /// <summary>Open model: a demand curve over the fraction 0..1 of <paramref name="during"/>, scaled by <paramref name="peakRatePerSecond"/>.</summary>
    public static LoadSimulation Seasonal(Func<double, double> relativeRate, double peakRatePerSecond, TimeSpan during) =>
        new SeasonalSimulation(relativeRate, peakRatePerSecond, during);

    /// <summary>Open model: arrivals exactly at <paramref name="offsets"/> (ascending, within <paramref name="during"/>).</summary>
    public static LoadSimulation Replay(IReadOnlyList<TimeSpan> offsets, TimeSpan during) => new ReplaySimulation(offsets, during);
}
