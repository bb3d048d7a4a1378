namespace SupportQueue.Core.Queueing;

/// <summary>
/// Steady-state figures of a multi-server queue. Times are in the caller's time unit.
/// </summary>
/// <param name="Agents">Servers N.</param>
/// <param name="OfferedLoad">A = λ·AHT in Erlangs.</param>
/// <param name="ProbabilityOfWait">P(an arrival finds all N servers busy), by PASTA.</param>
/// <param name="ProbabilityOfAbandon">P(an arrival abandons before service); 0 for Erlang C.</param>
/// <param name="ServiceLevel">P(an arrival is answered within the target time); abandoners are misses.</param>
/// <param name="AverageSpeedOfAnswer">Mean time in queue over all arrivals (answered immediately, answered after waiting, and abandoned).</param>
/// <param name="Occupancy">Mean fraction of servers busy: carried load / N.</param>
public readonly record struct QueueMetrics(
    int Agents,
    double OfferedLoad,
    double ProbabilityOfWait,
    double ProbabilityOfAbandon,
    double ServiceLevel,
    double AverageSpeedOfAnswer,
    double Occupancy);
