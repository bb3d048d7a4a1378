namespace SupportQueue.Core.Randomness;

internal sealed class FixedSampler(double value) : ISampler
{
    public double Mean => value;

    public double Variance => 0.0;

    public double Sample(RandomStream rng) => value;
}
