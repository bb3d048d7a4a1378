namespace SupportQueue.Client.Simulation;

/// <summary>One tier's objective (its own or the desk-wide one) and its verdict.</summary>
public sealed record TierObjectiveDocument(string Threshold, double Target, bool OwnObjective, TotalDocument? Achieved, string Verdict);
