using SupportQueue.Core.Model;

namespace SupportQueue.Core.Planning;

/// <summary>
/// Bookkeeping for the iterative staffing algorithm: records each round's staffing per tier and
/// interval, and stops the loop when no interval moved by more than <see cref="Tolerance"/>
/// agents (FMMW's rule, one agent) or after <see cref="MaxIterations"/> rounds. Intervals that
/// keep flipping between two values (a, b, a, b) are reported, since they will not settle by
/// iterating and are best resolved to the larger value.
/// </summary>
public sealed class IsaConvergence
{
    private readonly List<IsaIteration> _iterations = [];

    public IsaConvergence(int maxIterations, int tolerance = 1)
    {
        if (maxIterations < 1)
        {
            throw SupportQueueException.Invalid("maxIterations", maxIterations, "must be ≥ 1");
        }

        if (tolerance < 0)
        {
            throw SupportQueueException.Invalid("tolerance", tolerance, "must be ≥ 0");
        }

        MaxIterations = maxIterations;
        Tolerance = tolerance;
    }

    public int MaxIterations { get; }

    public int Tolerance { get; }

    public IReadOnlyList<IsaIteration> Iterations => _iterations;

    /// <summary>The last round changed no interval by more than <see cref="Tolerance"/> (needs two rounds).</summary>
    public bool Converged => _iterations.Count >= 2 && _iterations[^1].MaxChange <= Tolerance;

    /// <summary>Converged, or the iteration cap is reached.</summary>
    public bool Done => Converged || _iterations.Count >= MaxIterations;

    /// <summary>The latest staffing, [tier][interval].</summary>
    public int[][]? Current => _iterations.Count > 0 ? _iterations[^1].Staffing : null;

    /// <summary>Records a round's staffing; the shape must match the first round's.</summary>
    public IsaIteration Record(int[][] staffing)
    {
        ArgumentNullException.ThrowIfNull(staffing);
        if (Done)
        {
            throw new InvalidOperationException($"the loop is done after {_iterations.Count} rounds (converged: {Converged})");
        }

        var copy = staffing.Select((row, tier) =>
        {
            ArgumentNullException.ThrowIfNull(row, $"staffing[{tier}]");
            return (int[])row.Clone();
        }).ToArray();
        var previous = Current;
        if (previous is not null && (previous.Length != copy.Length || previous.Where((row, tier) => row.Length != copy[tier].Length).Any()))
        {
            throw SupportQueueException.Invalid("staffing", $"[{copy.Length} tiers]", "must have the same tiers and intervals as the first round");
        }

        var maxChange = 0;
        var changed = 0;
        for (var tier = 0; tier < copy.Length; tier++)
        {
            for (var t = 0; t < copy[tier].Length; t++)
            {
                if (copy[tier][t] < 0)
                {
                    throw SupportQueueException.Invalid($"staffing[{tier}][{t}]", copy[tier][t], "must be ≥ 0");
                }

                var delta = previous is null ? 0 : Math.Abs(copy[tier][t] - previous[tier][t]);
                maxChange = Math.Max(maxChange, delta);
                changed += delta > 0 ? 1 : 0;
            }
        }

        var iteration = new IsaIteration(_iterations.Count + 1, copy, previous is null ? int.MaxValue : maxChange, previous is null ? 0 : changed);
        _iterations.Add(iteration);
        return iteration;
    }

    /// <summary>(tier, interval) pairs whose last four values alternate between two different head counts.</summary>
    public IReadOnlyList<(int Tier, int Interval)> Oscillating()
    {
        var result = new List<(int, int)>();
        if (_iterations.Count < 4)
        {
            return result;
        }

        var last = _iterations.TakeLast(4).Select(i => i.Staffing).ToArray();
        for (var tier = 0; tier < last[0].Length; tier++)
        {
            for (var t = 0; t < last[0][tier].Length; t++)
            {
                int a = last[0][tier][t], b = last[1][tier][t];
                if (a != b && last[2][tier][t] == a && last[3][tier][t] == b)
                {
                    result.Add((tier, t));
                }
            }
        }

        return result;
    }
}
