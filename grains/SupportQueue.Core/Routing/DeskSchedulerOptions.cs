namespace SupportQueue.Core.Routing;

/// <summary>Switches for how a host drives the desk.</summary>
public sealed record DeskSchedulerOptions
{
    /// <summary>
    /// Arm a deadline for every offer so an unanswered one is released. A host that answers every
    /// offer at once (the simulator) turns it off and saves the bookkeeping.
    /// </summary>
    public bool ExpireOffers { get; init; } = true;

    /// <summary>
    /// Where the desk counts offered, answered and abandoned tickets for its cumulative statistics;
    /// null (the simulator, which measures its own way) counts nothing.
    /// </summary>
    public Cumulative.DeskStatistics? Statistics { get; init; }
}
