namespace SupportQueue.Core.Planning;

/// <summary>
/// One block's move in the iterative staffing loop, from what was observed at each head count
/// (mean service level and 95 % half-width, same seeds). It aims at the least head count whose mean
/// meets the target but stops where the noise cannot tell: an interval is settled when it meets at
/// s and missed at s − 1, or when it meets at s with a confidence interval that reaches below the
/// target (one fewer could not be told apart from noise, so the walk down does not chase lucky
/// draws). A settled interval stays settled while its mean meets the target and its confidence
/// interval is not wholly far above it (noise above the target does not reopen it). Far below the target
/// it goes up by a fifth of the head count at once, far above it down by a tenth (a fifth both ways
/// made large tiers swing by 15 agents a round, and every swing resets the intervals after it).
/// </summary>
internal static class IsaStep
{
    /// <summary>Far below the target the walk up takes a fifth of the head count at once (a miss costs more than a surplus).</summary>
    private const double FarBelow = 0.15;

    /// <summary>Shown this far above the target (or at 100 %), the walk down takes a tenth at once and a settled interval reopens.</summary>
    private const double FarAbove = 0.1;

    public static (int Next, bool Settled) Next(IReadOnlyList<StaffingObservation> observations, double target, int staff, bool wasSettled)
    {
        var here = observations.First(o => o.Staff == staff);
        var halfWidth = double.IsNaN(here.HalfWidth) ? 0 : here.HalfWidth;
        var shownToMiss = here.Performance + halfWidth < target;
        var farAbove = here.Performance - halfWidth >= Math.Min(1.0, target + FarAbove) && here.Performance - halfWidth > target;
        if (wasSettled && here.Performance >= target && !farAbove)
        {
            return (staff, true);
        }

        if (here.Performance >= target)
        {
            if (staff == 0)
            {
                return (0, true);
            }

            var below = observations.FirstOrDefault(o => o.Staff == staff - 1);
            if (below is not null)
            {
                if (below.Performance < target)
                {
                    return (staff, true);
                }

                // One fewer met as well (observed earlier): resume from the lowest level that met.
                var lowest = observations.Where(o => o.Performance >= target).Min(o => o.Staff);
                var underLowest = observations.FirstOrDefault(o => o.Staff == lowest - 1);
                return underLowest is not null || lowest == 0 ? (lowest, true) : (lowest - 1, false);
            }

            var shownToMeet = here.Performance - halfWidth >= target;
            var down = farAbove && below is null ? Math.Max(1, (staff + 9) / 10) : 1;
            var floor = observations.Where(o => o.Staff < staff && o.Performance < target).Select(o => o.Staff + 1).DefaultIfEmpty(0).Max();
            return shownToMeet ? (Math.Max(floor, staff - down), false) : (staff, true);
        }

        var above = observations.Where(o => o.Staff > staff && o.Performance >= target).Select(o => o.Staff).DefaultIfEmpty(int.MaxValue).Min();
        var step = shownToMiss && here.Performance < target - FarBelow ? Math.Max(1, (staff + 4) / 5) : 1;
        return (Math.Min(staff + step, above), above == staff + 1);
    }
}
