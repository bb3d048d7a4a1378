namespace SupportQueue.LoadTests.Runner;

/// <summary>A simulation placed on the scenario's timeline.</summary>
/// <param name="Start">Offset from the scenario start.</param>
/// <param name="Simulation">The phase.</param>
public sealed record PlannedPhase(TimeSpan Start, LoadSimulation Simulation)
{
    /// <summary>Offset at which the phase ends.</summary>
    public TimeSpan End => Start + Simulation.During;
}
