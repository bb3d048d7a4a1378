namespace SupportQueue.LoadTests.Runner;

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
