namespace SupportQueue.Core.Randomness;

internal sealed class ExponentialSampler(double mean) : ISampler
{
    public double Mean => mean;

    public double Variance => mean * mean;

    public double Sample(RandomStream rng) => rng.NextExponential() * mean;
}
