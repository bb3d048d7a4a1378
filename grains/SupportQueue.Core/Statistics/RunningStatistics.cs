namespace SupportQueue.Core.Statistics;

/// <summary>
/// Count, mean, variance, min and max in one pass (Welford), numerically stable for long runs;
/// <see cref="Merge"/> combines partial results (Chan et al.) so replications can be pooled.
/// </summary>
public sealed class RunningStatistics
{
    private double _m2;

    public long Count { get; private set; }

    public double Mean { get; private set; }

    public double Min { get; private set; } = double.PositiveInfinity;

    public double Max { get; private set; } = double.NegativeInfinity;

    /// <summary>Sample variance (divisor n − 1); 0 with fewer than two values.</summary>
    public double Variance => Count > 1 ? _m2 / (Count - 1) : 0.0;

    /// <summary>Sample standard deviation (divisor n − 1).</summary>
    public double StandardDeviation => Math.Sqrt(Variance);

    /// <summary>Standard error of the mean, s / √n.</summary>
    public double StandardError => Count > 0 ? StandardDeviation / Math.Sqrt(Count) : double.PositiveInfinity;

    public void Add(double value)
    {
        Count++;
        var delta = value - Mean;
        Mean += delta / Count;
        _m2 += delta * (value - Mean);
        Min = Math.Min(Min, value);
        Max = Math.Max(Max, value);
    }

    public void Merge(RunningStatistics other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Count == 0)
        {
            return;
        }

        var total = Count + other.Count;
        var delta = other.Mean - Mean;
        _m2 += other._m2 + delta * delta * ((double)Count * other.Count / total);
        Mean += delta * other.Count / total;
        Count = total;
        Min = Math.Min(Min, other.Min);
        Max = Math.Max(Max, other.Max);
    }
}
