namespace SupportQueue.Core.Randomness;

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
