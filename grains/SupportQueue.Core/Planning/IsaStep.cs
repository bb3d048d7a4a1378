namespace SupportQueue.Core.Planning;

/// <summary>
/// One block's move in the iterative staffing loop: a model-based jump bounded by what was
/// observed. The simulated service level at the current head count calibrates an effective
/// offered load (<see cref="CalibratedErlang"/>); the next head count is the least that meets the
/// target under it. Observations made in the same context (same seeds, the intervals before it
/// staffed alike) bracket the answer: never above the lowest head count seen to meet the target,
/// never at or below the highest seen to miss under it, and between the two it interpolates
/// (regula falsi) rather than trusting the model's slope. Jumps are bounded (at most doubling, at
/// most halving) so a badly calibrated model cannot throw the staffing far, and a head count that
/// did not raise the service level over a lower one that also missed stops the climb (agents do not
/// help there: e.g. tickets arriving where the horizon ends).
/// </summary>
internal static class IsaStep
{
    /// <param name="observations">This block's observations in the current context, one per head count; one is at <paramref name="staff"/>.</param>
    /// <param name="target">The tier's service-level target.</param>
    /// <param name="staff">The head count just simulated.</param>
    /// <param name="model">The tier's handling time, threshold and capacity.</param>
    /// <param name="tickets">Tickets behind the observation at <paramref name="staff"/> (over replications).</param>
    /// <param name="start">Head count to try when the block had nobody and tickets came (the offered-load start).</param>
    public static (int Next, bool Settled) Next(
        IReadOnlyList<StaffingObservation> observations, double target, int staff, CalibratedErlang model, double tickets, int start)
    {
        var here = observations.First(o => o.Staff == staff);
        int next;
        if (staff == 0)
        {
            next = here.Performance >= target ? 0 : Math.Max(1, start);
        }
        else
        {
            // A perfect or empty score is kept half a ticket from the edge, but never across the target.
            var edge = 0.5 / Math.Max(1, tickets);
            var score = Math.Clamp(here.Performance, edge, 1 - edge);
            score = here.Performance >= target ? Math.Max(score, target) : Math.Min(score, Math.Max(0, target - 1e-6));
            next = model.LeastStaff(model.Load(staff, score), target);
            next = Math.Clamp(next, staff / 2, staff + Math.Max(2, staff));
        }

        var meet = observations.Where(o => o.Performance >= target).Select(o => o.Staff).DefaultIfEmpty(int.MaxValue).Min();
        var missing = observations.Where(o => o.Performance < target && o.Staff < meet).OrderBy(o => o.Staff).ToList();
        next = Math.Min(next, meet);
        if (missing.Count > 0)
        {
            next = Math.Max(next, missing[^1].Staff + 1);
            if (meet != int.MaxValue)
            {
                // Bracketed: interpolate between the two observations (regula falsi), which uses the
                // observed slope where the model's is off (skills, borrowing, escalation bursts).
                var low = missing[^1];
                var high = observations.First(o => o.Staff == meet);
                var slope = (high.Performance - low.Performance) / (high.Staff - low.Staff);
                var guess = slope > 0 ? low.Staff + ((target - low.Performance) / slope) : meet;
                next = Math.Clamp((int)Math.Ceiling(guess - 1e-9), low.Staff + 1, meet);
            }
        }

        // Two misses, the higher no better than the lower: more agents do not help here.
        if (missing.Count >= 2 && next > missing[^1].Staff && missing[^1].Performance <= missing[^2].Performance + 0.005)
        {
            return (missing[^1].Staff, true);
        }

        return (next, next == staff);
    }
}
