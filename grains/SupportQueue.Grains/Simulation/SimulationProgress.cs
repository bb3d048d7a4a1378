namespace SupportQueue.Grains.Simulation;

/// <summary>
/// Progress of a run: replications finished so far, and <see cref="Done"/>, replications done
/// counting the finished part of the running one (where the mode can tell).
/// </summary>
public sealed record SimulationProgress(int Completed, int Total)
{
    public double Done { get; init; } = Completed;
}
