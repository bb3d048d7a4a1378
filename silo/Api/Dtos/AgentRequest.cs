using System.Collections.Immutable;

namespace SupportQueue.Silo.Api;

/// <summary>PUT /agents/{agentId}: registers the agent on a desk's tier or updates its skills and capacity.</summary>
/// <param name="DeskId">The desk the agent works on (an agent cannot move desks).</param>
/// <param name="Tier">One of the desk's tiers.</param>
/// <param name="Skills">Skills with proficiency 1–5.</param>
/// <param name="Capacity">Tickets held at once, 1–1000; omitted means 1.</param>
public sealed record AgentRequest(string? DeskId, string? Tier, ImmutableArray<SkillDto>? Skills = null, int? Capacity = null);
