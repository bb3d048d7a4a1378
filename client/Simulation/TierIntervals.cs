namespace SupportQueue.Client.Simulation;

/// <summary>
/// Per-interval means of one tier over the replications. Ratios (service level, ASA, occupancy)
/// are ratios of the mean counts, not means of per-replication ratios: a quiet interval with two
/// tickets must not weigh as much as a busy one.
/// </summary>
public sealed record TierIntervals(
    string Tier,
    double[] Offered,
    double[] Answered,
    double[] AnsweredWithin,
    double[] Abandoned,
    double[] WaitMinutes,
    double[] EscalatedOut,
    double[] StaffedMinutes,
    double[] BusyMinutes,
    double[] Backlog,
    double[] HandleMinutes,
    double[] Handled,
    int IntervalMinutes)
{
    public double ServiceLevel(int i) => Ratio(AnsweredWithin[i], Answered[i] + Abandoned[i]);

    public double AsaMinutes(int i) => Ratio(WaitMinutes[i], Answered[i]);

    public double Occupancy(int i) => Ratio(BusyMinutes[i], StaffedMinutes[i]);

    /// <summary>Ticket slots on duty on average (agents × capacity).</summary>
    public double StaffedSlots(int i) => StaffedMinutes[i] / IntervalMinutes;

    internal static double Ratio(double a, double b) => b > 0 ? a / b : double.NaN;
}
