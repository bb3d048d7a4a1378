using System.Numerics;
using System.Runtime.CompilerServices;

namespace SupportQueue.Core.Randomness;

/// <summary>
/// xoshiro256** generator seeded through SplitMix64. Integer-only state and seeding, so a given
/// (seed, stream, replication) yields the same sequence on every platform and runtime.
/// Not thread-safe: one instance per source per replication.
/// </summary>
public sealed class RandomStream
{
    private const double Two52Inverse = 1.0 / 4503599627370496.0;
    private const double Two53Inverse = 1.0 / 9007199254740992.0;

    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    // The polar method yields normals in pairs; the spare belongs to the stream (not to a
    // sampler) so that a sampler shared between streams cannot leak draws from one to another.
    private double _spareNormal;
    private bool _hasSpareNormal;

    /// <summary>Creates a stream from a single 64-bit seed.</summary>
    public RandomStream(ulong seed)
    {
        var sm = seed;
        _s0 = SplitMix64(ref sm);
        _s1 = SplitMix64(ref sm);
        _s2 = SplitMix64(ref sm);
        _s3 = SplitMix64(ref sm);
        if ((_s0 | _s1 | _s2 | _s3) == 0)
        {
            // The all-zero state is a fixed point of xoshiro; SplitMix64 cannot produce four zero
            // outputs in a row, but keep the generator safe regardless.
            _s0 = 0x9E3779B97F4A7C15UL;
        }
    }

    /// <summary>
    /// Derives the stream for one source in one replication. Streams for different
    /// (stream, replication) pairs are seeded from well-mixed distinct keys, so they are
    /// statistically independent for simulation purposes.
    /// </summary>
    public static RandomStream Create(ulong seed, StreamId stream, int replication)
    {
        // Chain the components through the SplitMix64 finaliser instead of adding them, so that
        // (seed, stream, rep) and (seed + 1, stream, rep - 1) cannot collide.
        var key = Mix64(seed ^ 0x6A09E667F3BCC908UL);
        key = Mix64(key ^ ((ulong)(uint)stream * 0xBB67AE8584CAA73BUL));
        key = Mix64(key ^ ((ulong)(uint)replication * 0x3C6EF372FE94F82BUL) ^ 0xA54FF53A5F1D36F1UL);
        return new RandomStream(key);
    }

    /// <summary>Next 64 uniformly distributed bits.</summary>
    public ulong NextUInt64()
    {
        var result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform on [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * Two53Inverse;

    /// <summary>
    /// Uniform on the open interval (0, 1): safe to pass to a logarithm. Uses 52 bits so that the
    /// half-step offset keeps the result exactly representable and strictly below 1.
    /// </summary>
    public double NextOpenDouble() => ((NextUInt64() >> 12) + 0.5) * Two52Inverse;

    /// <summary>Unbiased uniform integer in [0, n) (Lemire's multiply-and-reject).</summary>
    public int NextInt(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        var bound = (uint)n;
        var product = (ulong)(uint)(NextUInt64() >> 32) * bound;
        var low = (uint)product;
        if (low < bound)
        {
            var threshold = (0u - bound) % bound;
            while (low < threshold)
            {
                product = (ulong)(uint)(NextUInt64() >> 32) * bound;
                low = (uint)product;
            }
        }

        return (int)(product >> 32);
    }

    /// <summary>
    /// Standard exponential, Exp(1), by the ziggurat method (Marsaglia and Tsang, 2000): about 98.9%
    /// of draws cost one 64-bit number, a table lookup and a multiply; the rest fall in a wedge
    /// (one exponential to test) or in the tail beyond <see cref="ExponentialZiggurat.R"/> (drawn
    /// exactly by memorylessness). The result is exact in distribution, and strictly positive.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextExponential()
    {
        var bits = NextUInt64();
        var layer = (int)(bits & ExponentialZiggurat.LayerMask);

        // The layer comes from the low 8 bits, the position within it from the top 52: disjoint bits.
        // The half-step offset keeps u in the open interval (0, 1), so x is never exactly zero.
        var u = ((bits >> 12) + 0.5) * Two52Inverse;
        ref readonly var l = ref ExponentialZiggurat.Layers[layer];
        return u < l.Inner ? u * l.Width : NextExponentialSlow(layer, u * l.Width);
    }

    /// <summary>The rare draws: the tail under the base layer, a point in a wedge, or a rejection and a fresh draw.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private double NextExponentialSlow(int layer, double x)
    {
        while (true)
        {
            if (layer == 0)
            {
                // Beyond R the density is R plus a standard exponential.
                return ExponentialZiggurat.R - Math.Log(NextOpenDouble());
            }

            ref readonly var l = ref ExponentialZiggurat.Layers[layer];
            if (l.Density + (NextDouble() * (ExponentialZiggurat.Layers[layer + 1].Density - l.Density)) < Math.Exp(-x))
            {
                return x;
            }

            var bits = NextUInt64();
            layer = (int)(bits & ExponentialZiggurat.LayerMask);
            var u = ((bits >> 12) + 0.5) * Two52Inverse;
            ref readonly var next = ref ExponentialZiggurat.Layers[layer];
            x = u * next.Width;
            if (u < next.Inner)
            {
                return x;
            }
        }
    }

    /// <summary>Standard normal N(0, 1) by Marsaglia's polar method.</summary>
    public double NextStandardNormal()
    {
        if (_hasSpareNormal)
        {
            _hasSpareNormal = false;
            return _spareNormal;
        }

        double u;
        double v;
        double s;
        do
        {
            u = 2.0 * NextDouble() - 1.0;
            v = 2.0 * NextDouble() - 1.0;
            s = u * u + v * v;
        }
        while (s >= 1.0 || s == 0.0);

        var factor = Math.Sqrt(-2.0 * Math.Log(s) / s);
        _spareNormal = v * factor;
        _hasSpareNormal = true;
        return u * factor;
    }

    private static ulong SplitMix64(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        return Mix64(state);
    }

    private static ulong Mix64(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
