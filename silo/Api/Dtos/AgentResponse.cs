using System.Collections.Immutable;
using SupportQueue.Core.Model;

namespace SupportQueue.Silo.Api;

/// <summary>An agent: configuration, presence, the tickets it holds and its counters.</summary>
public sealed record AgentResponse(
    string AgentId,
    string DeskId,
    string Tier,
    ImmutableArray<SkillDto> Skills,
    int Capacity,
    Presence Presence,
    DateTimeOffset PresenceSince,
    ImmutableArray<string> Assignments,
    long Resolved,
    long Escalated);
