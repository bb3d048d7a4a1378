using SupportQueue.Core.Model;

namespace SupportQueue.Client.Simulation;

/// <summary>Per-interval means of one priority over the replications (by arrival interval); refused customers are among the arrivals.</summary>
public sealed record PriorityIntervals(
    Priority Priority,
    double[] Arrivals,
    double[] FirstResponseMet,
    double[] FirstResponseMissed,
    double[] ResolutionMet,
    double[] ResolutionMissed,
    double[] Abandoned,
    double[] Refused)
{
    public double FirstResponseAttainment(int i) => TierIntervals.Ratio(FirstResponseMet[i], FirstResponseMet[i] + FirstResponseMissed[i]);

    public double ResolutionAttainment(int i) => TierIntervals.Ratio(ResolutionMet[i], ResolutionMet[i] + ResolutionMissed[i]);
}
