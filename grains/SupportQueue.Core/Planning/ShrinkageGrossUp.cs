using SupportQueue.Core.Model;

namespace SupportQueue.Core.Planning;

/// <summary>
/// Turns agents needed on duty into agents to schedule: with shrinkage s (the share of scheduled
/// time lost to absence, training, meetings …) only 1 − s of the scheduled agents are there, so
/// <c>scheduled = ⌈onDuty / (1 − s)⌉</c>. This is the expected-value gross-up planners use; it
/// meets the need on average, not in every draw of who is absent (the verification loop checks
/// that by simulation).
/// </summary>
public static class ShrinkageGrossUp
{
    // Guards the ceiling against representation error: 8 / (1 − 0.2) is 10.000000000000002.
    private const double Tolerance = 1e-9;

    /// <summary>Agents to schedule so that <paramref name="onDuty"/> remain after <paramref name="shrinkage"/>.</summary>
    /// <exception cref="SupportQueueException">A negative head count or shrinkage outside [0, 1).</exception>
    public static int Scheduled(int onDuty, double shrinkage)
    {
        CheckShrinkage("shrinkage", shrinkage);
        if (onDuty < 0)
        {
            throw SupportQueueException.Invalid("onDuty", onDuty, "must be ≥ 0");
        }

        return Apply(onDuty, shrinkage);
    }

    /// <summary>The gross-up of every interval with one shrinkage.</summary>
    public static int[] Scheduled(IReadOnlyList<int> onDuty, double shrinkage)
    {
        ArgumentNullException.ThrowIfNull(onDuty);
        CheckShrinkage("shrinkage", shrinkage);
        var result = new int[onDuty.Count];
        for (var i = 0; i < result.Length; i++)
        {
            if (onDuty[i] < 0)
            {
                throw SupportQueueException.Invalid($"onDuty[{i}]", onDuty[i], "must be ≥ 0");
            }

            result[i] = Apply(onDuty[i], shrinkage);
        }

        return result;
    }

    /// <summary>
    /// The gross-up of every interval with its own shrinkage (e.g. training blocked in the
    /// mornings); the two lists must be equally long.
    /// </summary>
    public static int[] Scheduled(IReadOnlyList<int> onDuty, IReadOnlyList<double> shrinkage)
    {
        ArgumentNullException.ThrowIfNull(onDuty);
        ArgumentNullException.ThrowIfNull(shrinkage);
        if (shrinkage.Count != onDuty.Count)
        {
            throw SupportQueueException.Invalid(
                "shrinkage", $"[{shrinkage.Count} items]", $"must have one value per interval ({onDuty.Count})");
        }

        var result = new int[onDuty.Count];
        for (var i = 0; i < result.Length; i++)
        {
            CheckShrinkage($"shrinkage[{i}]", shrinkage[i]);
            if (onDuty[i] < 0)
            {
                throw SupportQueueException.Invalid($"onDuty[{i}]", onDuty[i], "must be ≥ 0");
            }

            result[i] = Apply(onDuty[i], shrinkage[i]);
        }

        return result;
    }

    private static int Apply(int onDuty, double shrinkage) =>
        onDuty == 0 ? 0 : checked((int)Math.Ceiling(onDuty / (1.0 - shrinkage) - Tolerance));

    private static void CheckShrinkage(string field, double shrinkage)
    {
        if (!(shrinkage >= 0 && shrinkage < 1))
        {
            throw SupportQueueException.Invalid(field, shrinkage, "must be in [0, 1)");
        }
    }
}
