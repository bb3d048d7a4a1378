namespace SupportQueue.Core.Randomness;

/// <summary>
/// A prepared distribution. The random stream is passed per draw, not held, so one sampler can
/// serve several streams (e.g. two policies run on common random numbers) and draws allocate nothing.
/// </summary>
public interface ISampler
{
    /// <summary>Draws one value, consuming uniforms from <paramref name="rng"/> only.</summary>
    double Sample(RandomStream rng);

    /// <summary>Theoretical mean.</summary>
    double Mean { get; }

    /// <summary>Theoretical variance.</summary>
    double Variance { get; }
}

internal sealed class ExponentialSampler(double mean) : ISampler
{
    public double Mean => mean;

    public double Variance => mean * mean;

    public double Sample(RandomStream rng) => rng.NextExponential() * mean;
}

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

/// <summary>Marsaglia–Tsang squeeze/rejection; shapes below 1 are drawn at shape + 1 and scaled by U^(1/shape).</summary>
internal sealed class GammaSampler : ISampler
{
    private readonly double _scale;
    private readonly double _d;
    private readonly double _c;
    private readonly double _inverseShape;
    private readonly bool _boost;

    public GammaSampler(double shape, double scale)
    {
        _scale = scale;
        _boost = shape < 1.0;
        _inverseShape = 1.0 / shape;
        _d = (_boost ? shape + 1.0 : shape) - 1.0 / 3.0;
        _c = 1.0 / Math.Sqrt(9.0 * _d);
        Mean = shape * scale;
        Variance = shape * scale * scale;
    }

    public double Mean { get; }

    public double Variance { get; }

    public double Sample(RandomStream rng)
    {
        double x;
        double v;
        while (true)
        {
            x = rng.NextStandardNormal();
            v = 1.0 + _c * x;
            if (v <= 0.0)
            {
                continue;
            }

            v = v * v * v;
            var u = rng.NextOpenDouble();
            var x2 = x * x;
            if (u < 1.0 - 0.0331 * x2 * x2)
            {
                break;
            }

            if (Math.Log(u) < 0.5 * x2 + _d * (1.0 - v + Math.Log(v)))
            {
                break;
            }
        }

        var g = _d * v;
        if (_boost)
        {
            g *= Math.Exp(Math.Log(rng.NextOpenDouble()) * _inverseShape);
        }

        return g * _scale;
    }
}

internal sealed class FixedSampler(double value) : ISampler
{
    public double Mean => value;

    public double Variance => 0.0;

    public double Sample(RandomStream rng) => value;
}

internal sealed class UniformSampler(double min, double max) : ISampler
{
    public double Mean => 0.5 * (min + max);

    public double Variance => (max - min) * (max - min) / 12.0;

    public double Sample(RandomStream rng) => min + (max - min) * rng.NextDouble();
}

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

/// <summary>Walker/Vose alias table: O(1) per draw whatever the number of points.</summary>
internal sealed class WeightedEmpiricalSampler : ISampler
{
    private readonly double[] _values;
    private readonly double[] _probability;
    private readonly int[] _alias;

    public WeightedEmpiricalSampler(IReadOnlyList<WeightedValue> points)
    {
        var n = points.Count;
        _values = new double[n];
        var weights = new double[n];
        var total = 0.0;
        for (var i = 0; i < n; i++)
        {
            _values[i] = points[i].Value;
            weights[i] = points[i].Weight;
            total += weights[i];
        }

        (Mean, Variance) = EmpiricalSampler.Moments(_values, weights);

        _probability = new double[n];
        _alias = new int[n];
        var scaled = new double[n];
        var small = new Stack<int>();
        var large = new Stack<int>();
        for (var i = n - 1; i >= 0; i--)
        {
            scaled[i] = weights[i] * n / total;
            (scaled[i] < 1.0 ? small : large).Push(i);
        }

        while (small.Count > 0 && large.Count > 0)
        {
            var s = small.Pop();
            var l = large.Pop();
            _probability[s] = scaled[s];
            _alias[s] = l;
            scaled[l] = scaled[l] + scaled[s] - 1.0;
            (scaled[l] < 1.0 ? small : large).Push(l);
        }

        // Whatever remains is 1 up to rounding.
        while (large.Count > 0)
        {
            var l = large.Pop();
            _probability[l] = 1.0;
            _alias[l] = l;
        }

        while (small.Count > 0)
        {
            var s = small.Pop();
            _probability[s] = 1.0;
            _alias[s] = s;
        }
    }

    public double Mean { get; }

    public double Variance { get; }

    public double Sample(RandomStream rng)
    {
        var i = rng.NextInt(_values.Length);
        return rng.NextDouble() < _probability[i] ? _values[i] : _values[_alias[i]];
    }
}
