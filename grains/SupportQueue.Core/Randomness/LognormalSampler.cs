namespace SupportQueue.Core.Randomness;

internal sealed class LognormalSampler : ISampler
{
    private readonly double _mu;
    private readonly double _sigma;

    public LognormalSampler(double mean, double stdDev)
    {
        // Moments of the variable itself are what people know (AHT and its spread); the
        // log-space parameters follow from E[X] = exp(mu + sigma²/2), Var[X] = (exp(sigma²) - 1) E[X]².
        var ratio = stdDev / mean;
        var sigmaSquared = Math.Log(1.0 + ratio * ratio);
        _sigma = Math.Sqrt(sigmaSquared);
        _mu = Math.Log(mean) - 0.5 * sigmaSquared;
        Mean = mean;
        Variance = stdDev * stdDev;
    }

    public double Mean { get; }

    public double Variance { get; }

    public double Sample(RandomStream rng) => Math.Exp(_mu + _sigma * rng.NextStandardNormal());
}
