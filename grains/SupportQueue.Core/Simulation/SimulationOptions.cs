using System.Collections.Immutable;

namespace SupportQueue.Core.Simulation;

/// <summary>Switches for one replication.</summary>
public sealed record SimulationOptions
{
    /// <summary>Prefix for ticket, agent and desk ids, so runs sharing a cluster never collide.</summary>
    public string IdPrefix { get; init; } = "";

    /// <summary>Keep every ticket's path (memory grows with the ticket count): for comparing runs.</summary>
    public bool RecordOutcomes { get; init; }

    /// <summary>
    /// Agents on duty per interval for the named roster groups (the iterative staffing loop's
    /// input); those groups ignore their count, shifts and shrinkage. Agent i of a group is on duty
    /// in interval t iff i &lt; s(t): a stable order, so common random numbers line up agent for
    /// agent. Going down, the highest indices go offline and finish the work in hand first.
    /// </summary>
    public ImmutableDictionary<string, ImmutableArray<int>>? StaffingOverride { get; init; }
}
