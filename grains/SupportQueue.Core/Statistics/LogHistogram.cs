using System.Diagnostics.CodeAnalysis;

namespace SupportQueue.Core.Statistics;

/// <summary>
/// Fixed-size histogram with logarithmic buckets for non-negative values (waiting times over
/// millions of tickets). Each power of two above <c>lowest</c> is split into 2^bits linear
/// sub-buckets, so a reported quantile is within a relative error of 2^−(bits+1) (0.4% at the
/// default 7 bits) of the nearest-rank sample quantile; values below <c>lowest</c> share one
/// bucket reported as the smallest value seen (absolute error &lt; <c>lowest</c>), values above
/// <c>highest</c> share the top bucket reported as the largest value seen.
/// The bucket index comes from the IEEE-754 exponent and top mantissa bits, so recording is a
/// few integer operations and never allocates. Not thread-safe.
/// </summary>
public sealed class LogHistogram
{
    private readonly long[] _counts;
    private readonly double _lowest;
    private readonly double _inverseLowest;
    private readonly int _bits;
    private readonly int _maxExponent;
    private double _sum;

    public LogHistogram(double lowest, double highest, int significantBits = 7)
    {
        if (!(lowest > 0) || !double.IsFinite(lowest))
        {
            throw new ArgumentOutOfRangeException(nameof(lowest), lowest, "must be finite and > 0");
        }

        if (!(highest > lowest) || !double.IsFinite(highest))
        {
            throw new ArgumentOutOfRangeException(nameof(highest), highest, "must be finite and > lowest");
        }

        if (significantBits is < 1 or > 16)
        {
            throw new ArgumentOutOfRangeException(nameof(significantBits), significantBits, "must be in 1..16");
        }

        _lowest = lowest;
        _inverseLowest = 1.0 / lowest;
        _bits = significantBits;
        _maxExponent = (int)Math.Ceiling(Math.Log2(highest / lowest));
        if ((long)(_maxExponent + 1) << significantBits > 1 << 24)
        {
            throw new ArgumentOutOfRangeException(nameof(highest), highest, "range too wide for the precision: over 16M buckets");
        }

        // Slot 0 holds values below lowest, the last slot values above highest.
        _counts = new long[2 + ((_maxExponent + 1) << significantBits)];
    }

    public long Count { get; private set; }

    public double Min { get; private set; } = double.PositiveInfinity;

    public double Max { get; private set; } = double.NegativeInfinity;

    /// <summary>Exact mean of the recorded values.</summary>
    public double Mean => Count > 0 ? _sum / Count : double.NaN;

    /// <summary>Largest relative error of a quantile for values inside [lowest, highest].</summary>
    public double RelativeError => Math.Pow(2, -(_bits + 1));

    public void Record(double value)
    {
        if (!(value >= 0 && value < double.PositiveInfinity))
        {
            ThrowNotRecordable(value);
        }

        _counts[IndexOf(value)]++;
        Count++;
        _sum += value;
        if (value < Min)
        {
            Min = value;
        }

        if (value > Max)
        {
            Max = value;
        }
    }

    /// <summary>
    /// Nearest-rank quantile: the value of the ⌈p·n⌉-th smallest recording (p = 0: the minimum),
    /// approximated by its bucket's midpoint and clamped to [Min, Max]; the smallest and largest
    /// ranks return the exact Min and Max.
    /// </summary>
    public double Quantile(double p)
    {
        if (!(p >= 0 && p <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "must be in [0, 1]");
        }

        if (Count == 0)
        {
            return double.NaN;
        }

        // The extremes are tracked exactly, so the first and last ranks need no bucket estimate.
        var rank = Math.Max(1L, (long)Math.Ceiling(p * Count));
        if (rank == 1)
        {
            return Min;
        }

        if (rank == Count)
        {
            return Max;
        }

        var seen = 0L;
        var overflow = _counts.Length - 1;
        for (var i = 0; i < overflow; i++)
        {
            seen += _counts[i];
            if (seen >= rank)
            {
                return i == 0 ? Min : Math.Clamp(Midpoint(i), Min, Max);
            }
        }

        return Max;
    }

    /// <summary>Adds another histogram's recordings; both must have been built with the same arguments.</summary>
    public void Merge(LogHistogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other._counts.Length != _counts.Length || other._lowest != _lowest || other._bits != _bits)
        {
            throw new ArgumentException("Histograms differ in range or precision.", nameof(other));
        }

        for (var i = 0; i < _counts.Length; i++)
        {
            _counts[i] += other._counts[i];
        }

        Count += other.Count;
        _sum += other._sum;
        Min = Math.Min(Min, other.Min);
        Max = Math.Max(Max, other.Max);
    }

    public void Reset()
    {
        Array.Clear(_counts);
        Count = 0;
        _sum = 0;
        Min = double.PositiveInfinity;
        Max = double.NegativeInfinity;
    }

    /// <summary>Out of line, so <see cref="Record"/> stays small enough to inline.</summary>
    [DoesNotReturn]
    private static void ThrowNotRecordable(double value) =>
        throw new ArgumentOutOfRangeException(nameof(value), value, "must be finite and >= 0");

    private int IndexOf(double value)
    {
        var ratio = value * _inverseLowest;
        if (ratio < 1.0)
        {
            return 0;
        }

        var bits = BitConverter.DoubleToInt64Bits(ratio);
        var exponent = (int)(bits >> 52) - 1023;
        if (exponent > _maxExponent)
        {
            return _counts.Length - 1;
        }

        var sub = (int)(bits >> (52 - _bits)) & ((1 << _bits) - 1);
        return 1 + (exponent << _bits) + sub;
    }

    private double Midpoint(int index)
    {
        var exponent = (index - 1) >> _bits;
        var sub = (index - 1) & ((1 << _bits) - 1);
        var subBuckets = (double)(1 << _bits);
        return _lowest * Math.ScaleB(1.0 + (sub + 0.5) / subBuckets, exponent);
    }
}
