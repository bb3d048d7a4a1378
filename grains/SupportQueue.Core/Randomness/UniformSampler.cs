namespace SupportQueue.Core.Randomness;

internal sealed class UniformSampler(double min, double max) : ISampler
{
    public double Mean => 0.5 * (min + max);

    public double Variance => (max - min) * (max - min) / 12.0;

    public double Sample(RandomStream rng) => min + (max - min) * rng.NextDouble();
}
