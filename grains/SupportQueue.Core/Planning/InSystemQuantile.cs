using SupportQueue.Core.Model;

namespace SupportQueue.Core.Planning;

/// <summary>
/// The staffing update of the iterative staffing algorithm (Feldman, Mandelbaum, Massey and
/// Whitt 2008) for a delay-probability target: simulate with the current staffing, estimate the
/// distribution of the number of tickets in the tier (waiting + in service) L(t) in each interval,
/// and set the next staffing to the least s with P(L(t) ≥ s) ≤ α — the head count at which an
/// arrival would find every slot busy with probability at most α. With capacity c tickets per
/// agent, s agents give s·c slots.
/// </summary>
public static class InSystemQuantile
{
    /// <param name="probabilities">P(L = k) for k = 0, 1, … (time-weighted over the interval and
    /// replications); mass missing from the end is taken to lie beyond it.</param>
    /// <param name="alpha">Largest acceptable probability that an arrival finds all slots busy, in (0, 1).</param>
    /// <param name="capacity">Tickets an agent works at once (≥ 1).</param>
    public static int LeastStaff(IReadOnlyList<double> probabilities, double alpha, int capacity = 1)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        if (!(alpha > 0 && alpha < 1))
        {
            throw SupportQueueException.Invalid("alpha", alpha, "must be in (0, 1)");
        }

        if (capacity < 1)
        {
            throw SupportQueueException.Invalid("capacity", capacity, "must be ≥ 1");
        }

        var total = 0.0;
        for (var k = 0; k < probabilities.Count; k++)
        {
            var p = probabilities[k];
            if (!(p >= 0 && p <= 1))
            {
                throw SupportQueueException.Invalid($"probabilities[{k}]", p, "must be in [0, 1]");
            }

            total += p;
        }

        if (total > 1 + 1e-9)
        {
            throw SupportQueueException.Invalid("probabilities", total, "must sum to at most 1");
        }

        if (1 - total > alpha)
        {
            // The unrecorded tail alone exceeds α: no head count can be shown to meet it.
            throw SupportQueueException.Invalid("probabilities", total, $"leave more than alpha ({alpha}) of the mass unrecorded; record the distribution further");
        }

        // P(L ≥ m) = 1 − P(L < m); find the least slot count m with tail ≤ α, then agents = ⌈m / c⌉
        // (every agent count between two multiples of c is checked at its own slot count).
        var below = 0.0;
        var slots = 0;
        while (slots % capacity != 0 || 1.0 - below > alpha + 1e-12)
        {
            below += slots < probabilities.Count ? probabilities[slots] : 0.0;
            slots++;
        }

        return slots / capacity;
    }
}
