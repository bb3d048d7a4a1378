namespace SupportQueue.Core.Planning;

/// <summary>
/// How a roster fared when simulated: of <see cref="LoadedIntervals"/> loaded intervals within the
/// templates' hours, how many met the tier target by the mean and how many were shown to miss
/// (confidence interval wholly below), with the seed and replications used.
/// </summary>
public sealed record PlanRosterCheck(ulong Seed, int Replications, int LoadedIntervals, int MetByMean, int ShownToMiss);
