using System.Collections.Immutable;

namespace SupportQueue.Core.Simulation;

/// <summary>The roster: agent groups, and shrinkage (probability an agent misses a shift: absence, training …).</summary>
[GenerateSerializer, Immutable, Alias("SupportQueue.RosterSpec")]
public sealed record RosterSpec(
    [property: Id(0)] ImmutableArray<AgentGroupSpec> Groups,
    [property: Id(1)] double Shrinkage = 0);
