namespace SupportQueue.LoadTests.Runner;

/// <summary>
/// One phase of a scenario's load shape. Open-model phases (<see cref="InjectSimulation"/>,
/// <see cref="RampingInjectSimulation"/>, <see cref="SeasonalSimulation"/>) schedule arrivals
/// independently of responses; closed-model phases (<see cref="KeepConstantSimulation"/>,
/// <see cref="RampingConstantSimulation"/>) keep a number of copies looping. Create them via <see cref="Simulation"/>.
/// </summary>
public abstract record LoadSimulation
{
    private protected LoadSimulation(TimeSpan during)
    {
        if (during <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(during), during, "A simulation phase must last longer than zero.");
        }

        During = during;
    }

    /// <summary>How long the phase lasts.</summary>
    public TimeSpan During { get; }

    /// <summary>Whether the phase schedules arrivals (open model) rather than looping copies.</summary>
    public abstract bool IsOpenModel { get; }
}

/// <summary>An open-model phase given as <see cref="Rate"/> requests per <see cref="Interval"/>.</summary>
public abstract record RateSimulation : LoadSimulation
{
    private protected RateSimulation(double rate, TimeSpan interval, TimeSpan during)
        : base(during)
    {
        Rate = Checks.NonNegative(rate, nameof(rate));
        Interval = Checks.Positive(interval, nameof(interval));
    }

    /// <summary>Requests per <see cref="Interval"/> (for a ramp: at the end of the phase).</summary>
    public double Rate { get; }

    /// <summary>The period <see cref="Rate"/> refers to.</summary>
    public TimeSpan Interval { get; }

    /// <summary>The rate in requests per second.</summary>
    public double RatePerSecond => Rate / Interval.TotalSeconds;

    /// <inheritdoc/>
    public override bool IsOpenModel => true;
}

/// <summary>Injects <see cref="RateSimulation.Rate"/> requests per <see cref="RateSimulation.Interval"/>, steadily.</summary>
public sealed record InjectSimulation : RateSimulation
{
    internal InjectSimulation(double rate, TimeSpan interval, TimeSpan during)
        : base(rate, interval, during)
    {
    }
}

/// <summary>Ramps the injection rate linearly from the previous phase's rate (0 if none) to <see cref="RateSimulation.Rate"/> per <see cref="RateSimulation.Interval"/>.</summary>
public sealed record RampingInjectSimulation : RateSimulation
{
    internal RampingInjectSimulation(double rate, TimeSpan interval, TimeSpan during)
        : base(rate, interval, during)
    {
    }
}

/// <summary>
/// A demand curve compressed into wall time: the rate at fraction <c>x</c> (0..1) of the phase is
/// <c>PeakRatePerSecond × RelativeRate(x)</c>. The caller composes the shape (intraday × weekday × peak events).
/// </summary>
public sealed record SeasonalSimulation : LoadSimulation
{
    internal SeasonalSimulation(Func<double, double> relativeRate, double peakRatePerSecond, TimeSpan during)
        : base(during)
    {
        RelativeRate = relativeRate ?? throw new ArgumentNullException(nameof(relativeRate));
        PeakRatePerSecond = Checks.NonNegative(peakRatePerSecond, nameof(peakRatePerSecond));
    }

    /// <summary>Relative demand (normally 0..1; negative values count as 0) over the fraction 0..1 of the phase.</summary>
    public Func<double, double> RelativeRate { get; }

    /// <summary>Requests per second when <see cref="RelativeRate"/> is 1.</summary>
    public double PeakRatePerSecond { get; }

    /// <summary>The rate in requests per second at fraction <paramref name="x"/> of the phase.</summary>
    public double RateAt(double x)
    {
        var r = RelativeRate(Math.Clamp(x, 0, 1));
        return double.IsFinite(r) && r > 0 ? r * PeakRatePerSecond : 0;
    }

    /// <inheritdoc/>
    public override bool IsOpenModel => true;
}

/// <summary>Keeps <see cref="Copies"/> copies of the step looping back to back.</summary>
public sealed record KeepConstantSimulation : LoadSimulation
{
    internal KeepConstantSimulation(int copies, TimeSpan during)
        : base(during)
    {
        Copies = (int)Checks.NonNegative(copies, nameof(copies));
    }

    /// <summary>Concurrent looping copies.</summary>
    public int Copies { get; }

    /// <inheritdoc/>
    public override bool IsOpenModel => false;
}

/// <summary>Changes the number of looping copies linearly from the previous phase's count (0 if none) to <see cref="Copies"/>.</summary>
public sealed record RampingConstantSimulation : LoadSimulation
{
    internal RampingConstantSimulation(int copies, TimeSpan during)
        : base(during)
    {
        Copies = (int)Checks.NonNegative(copies, nameof(copies));
    }

    /// <summary>Copies at the end of the phase.</summary>
    public int Copies { get; }

    /// <inheritdoc/>
    public override bool IsOpenModel => false;
}

/// <summary>No load for a while.</summary>
public sealed record PauseSimulation : LoadSimulation
{
    internal PauseSimulation(TimeSpan during)
        : base(during)
    {
    }

    /// <inheritdoc/>
    public override bool IsOpenModel => false;
}

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

internal static class Checks
{
    public static double NonNegative(double value, string name) =>
        double.IsFinite(value) && value >= 0
            ? value
            : throw new ArgumentOutOfRangeException(name, value, "Must be a finite number of zero or more.");

    public static TimeSpan Positive(TimeSpan value, string name) =>
        value > TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(name, value, "Must be longer than zero.");
}
