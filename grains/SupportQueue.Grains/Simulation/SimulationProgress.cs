namespace SupportQueue.Grains.Simulation;

/// <summary>Progress of a run: replications finished so far.</summary>
public sealed record SimulationProgress(int Completed, int Total);
