namespace SupportQueue.Core.Randomness;

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
