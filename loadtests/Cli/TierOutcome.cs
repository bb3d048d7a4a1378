namespace SupportQueue.LoadTests.Cli;

/// <summary>
/// One tier's service in a live run, from the tickets' histories and the roster, in simulated time
/// (the simulator's per-tier definitions): a queue visit belongs to the tier it waited in.
/// </summary>
/// <param name="Tier">The tier's name.</param>
/// <param name="Threshold">The tier's service-level threshold (simulated).</param>
/// <param name="Offered">Queue visits at this tier (a ticket escalated from L1 visits L1 and L2).</param>
/// <param name="Answered">Visits that ended in an assignment at this tier.</param>
/// <param name="Within">Answered within the tier's service-level threshold.</param>
/// <param name="Missed">Visits abandoned, or still waiting at the audit longer than the threshold.</param>
/// <param name="Abandoned">Visits the customer left while waiting here.</param>
/// <param name="EscalatedOut">Escalations out of this tier (by an agent or by the desk from the queue).</param>
/// <param name="AsaMinutes">Mean wait of the answered visits.</param>
/// <param name="WaitP90Minutes">90th percentile wait of the answered visits.</param>
/// <param name="StaffedMinutes">Capacity slots × minutes signed in (available), over the replayed stretch.</param>
/// <param name="BusyMinutes">Slot minutes spent on tickets over the same stretch.</param>
/// <param name="SubmitAssignP99Ms">CO-corrected wall p99 from submit to the first assignment, for tickets first answered at this tier; NaN when none.</param>
public sealed record TierOutcome(
    string Tier,
    TimeSpan Threshold,
    long Offered,
    long Answered,
    long Within,
    long Missed,
    long Abandoned,
    long EscalatedOut,
    double AsaMinutes,
    double WaitP90Minutes,
    double StaffedMinutes,
    double BusyMinutes,
    double SubmitAssignP99Ms)
{
    /// <summary>Within ÷ (answered + missed): abandoned visits and those left waiting past the threshold count as misses.</summary>
    public double ServiceLevel => Ratio(Within, Answered + Missed);

    public double AbandonmentRate => Ratio(Abandoned, Offered);

    /// <summary>Escalations out ÷ visits answered here, as the simulator counts it.</summary>
    public double EscalationRate => Ratio(EscalatedOut, Answered);

    public double Occupancy => Ratio(BusyMinutes, StaffedMinutes);

    private static double Ratio(double a, double b) => b == 0 ? double.NaN : a / b;
}
