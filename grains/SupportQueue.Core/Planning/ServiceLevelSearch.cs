using SupportQueue.Core.Model;

namespace SupportQueue.Core.Planning;

/// <summary>
/// Finds the least head count whose simulated performance in one interval meets a target
/// (service level within the threshold, or any measure that rises with staffing), from the
/// observations made so far: exponential search up until a level meets the target, then
/// bisection between the highest level that misses and the lowest that meets. Observations are
/// assumed monotone in the head count; with common random numbers they nearly are, and where
/// noise breaks it the lowest meeting level wins (a level above it that missed is ignored).
/// In the iterative staffing loop the caller drops an interval's observations when the staffing
/// of the intervals before it changed materially, since carried-over work moves its curve.
/// </summary>
public static class ServiceLevelSearch
{
    /// <param name="observations">Head counts tried for this interval and their performance.</param>
    /// <param name="target">Required performance, in (0, 1].</param>
    /// <param name="start">Head count to try when there is no observation yet (e.g. the Erlang requirement).</param>
    public static StaffingSearchStep Next(IReadOnlyList<StaffingObservation> observations, double target, int start)
    {
        ArgumentNullException.ThrowIfNull(observations);
        if (!(target > 0 && target <= 1))
        {
            throw SupportQueueException.Invalid("target", target, "must be in (0, 1]");
        }

        if (start < 0)
        {
            throw SupportQueueException.Invalid("start", start, "must be ≥ 0");
        }

        int? meeting = null;
        foreach (var observation in observations)
        {
            Check(observation);
            if (observation.Performance >= target && (meeting is null || observation.Staff < meeting))
            {
                meeting = observation.Staff;
            }
        }

        int? missing = null;
        foreach (var observation in observations)
        {
            if (observation.Performance < target && (meeting is null || observation.Staff < meeting) && (missing is null || observation.Staff > missing))
            {
                missing = observation.Staff;
            }
        }

        if (meeting is null && missing is null)
        {
            return new StaffingSearchStep(start, null, null, false);
        }

        if (meeting is null)
        {
            // Double the head count (at least one more) until the target is met.
            var up = missing!.Value + Math.Max(1, missing.Value);
            return new StaffingSearchStep(up, missing, null, false);
        }

        if (meeting == 0 || missing == meeting - 1)
        {
            return new StaffingSearchStep(meeting.Value, missing, meeting, true);
        }

        var low = missing ?? -1;
        var probe = missing is null ? meeting.Value / 2 : low + ((meeting.Value - low) / 2);
        return new StaffingSearchStep(probe, missing, meeting, false);
    }

    private static void Check(StaffingObservation observation)
    {
        if (observation is null)
        {
            throw SupportQueueException.Invalid("observations", null, "must not hold null");
        }

        if (observation.Staff < 0)
        {
            throw SupportQueueException.Invalid("observations.staff", observation.Staff, "must be ≥ 0");
        }

        if (!double.IsFinite(observation.Performance))
        {
            throw SupportQueueException.Invalid("observations.performance", observation.Performance, "must be a finite number");
        }
    }
}
