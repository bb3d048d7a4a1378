using System.Collections.Immutable;
using SupportQueue.Core.Model;

namespace SupportQueue.Core.Simulation;

/// <summary><see cref="Count"/> identical agents. No shifts = on duty around the clock.</summary>
[GenerateSerializer, Immutable, Alias("SupportQueue.AgentGroupSpec")]
public sealed record AgentGroupSpec(
    [property: Id(0)] string Name,
    [property: Id(1)] string Tier,
    [property: Id(2)] int Count,
    [property: Id(3)] ImmutableArray<SkillLevel> Skills = default,
    [property: Id(4)] int Capacity = 1,
    [property: Id(5)] ImmutableArray<ShiftSpec> Shifts = default);
