namespace SupportQueue.LoadTests.Runner;

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
