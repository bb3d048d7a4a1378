namespace SupportQueue.Core.Simulation;

/// <summary>
/// How much work a simulation may take on: calendar events over all replications, and memory held
/// by the replications running at once. A scenario estimated above either is refused before it starts.
/// </summary>
public sealed record WorkBudget
{
    public static readonly WorkBudget Default = new();

    /// <summary>Events over all replications: 2,000,000,000 is some minutes on two cores.</summary>
    public double MaxEvents { get; init; } = 2e9;

    /// <summary>Bytes the concurrently running replications may hold at their peak.</summary>
    public double MaxMemoryBytes { get; init; } = 2.0 * 1024 * 1024 * 1024;
}
