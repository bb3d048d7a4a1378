namespace SupportQueue.Core.Randomness;

internal sealed class EmpiricalSampler : ISampler
{
    private readonly double[] _values;

    public EmpiricalSampler(double[] values)
    {
        _values = values;
        (Mean, Variance) = Moments(values, null);
    }

    public double Mean { get; }

    public double Variance { get; }

    public double Sample(RandomStream rng) => _values[rng.NextInt(_values.Length)];

    internal static (double Mean, double Variance) Moments(double[] values, double[]? weights)
    {
        var total = 0.0;
        var sum = 0.0;
        for (var i = 0; i < values.Length; i++)
        {
            var w = weights?[i] ?? 1.0;
            total += w;
            sum += w * values[i];
        }

        var mean = sum / total;
        var squares = 0.0;
        for (var i = 0; i < values.Length; i++)
        {
            var w = weights?[i] ?? 1.0;
            var d = values[i] - mean;
            squares += w * d * d;
        }

        return (mean, squares / total);
    }
}
