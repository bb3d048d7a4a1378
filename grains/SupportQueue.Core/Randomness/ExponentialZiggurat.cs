namespace SupportQueue.Core.Randomness;

/// <summary>
/// The ziggurat for Exp(1): 256 layers of equal area <see cref="V"/> under e^(−x). Layer i spans
/// heights e^(−x[i]) to e^(−x[i+1]) and widths up to x[i], where x[1] = <see cref="R"/>, x[256] = 0 and
/// x[i+1] = −ln(V / x[i] + e^(−x[i])); the base layer 0 is the rectangle up to R with the tail beyond
/// it folded in (x[0] = V / e^(−R)). R is the value for which the layers close exactly at the top.
/// </summary>
internal static class ExponentialZiggurat
{
    public const int LayerCount = 256;
    public const ulong LayerMask = LayerCount - 1;
    public const double R = 7.69711747013104972;

    /// <summary>Area of each layer: the base rectangle R·e^(−R) plus the tail e^(−R).</summary>
    public static readonly double V = (R + 1) * Math.Exp(-R);

    /// <summary>Per layer (and one past the top, for the wedge test): width, inner ratio, density at the width.</summary>
    public static readonly Layer[] Layers = Build();

    private static Layer[] Build()
    {
        var x = new double[LayerCount + 1];
        x[0] = V / Math.Exp(-R);
        x[1] = R;
        for (var i = 1; i < LayerCount - 1; i++)
        {
            x[i + 1] = -Math.Log((V / x[i]) + Math.Exp(-x[i]));
        }

        x[LayerCount] = 0;
        var layers = new Layer[LayerCount + 1];
        for (var i = 0; i <= LayerCount; i++)
        {
            var inner = i < LayerCount ? x[i + 1] / x[i] : 0;
            layers[i] = new Layer(x[i], inner, Math.Exp(-x[i]));
        }

        return layers;
    }

    /// <summary>One layer: a point u·Width with u below Inner lies under the curve for sure.</summary>
    public readonly struct Layer(double width, double inner, double density)
    {
        public readonly double Width = width;
        public readonly double Inner = inner;
        public readonly double Density = density;
    }
}
