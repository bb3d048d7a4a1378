namespace SupportQueue.Core.Simulation;

/// <summary>Switches for one replication.</summary>
public sealed record SimulationOptions
{
    /// <summary>Prefix for ticket, agent and desk ids, so runs sharing a cluster never collide.</summary>
    public string IdPrefix { get; init; } = "";

    /// <summary>Keep every ticket's path (memory grows with the ticket count): for comparing runs.</summary>
    public bool RecordOutcomes { get; init; }
}
