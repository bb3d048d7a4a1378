namespace SupportQueue.Silo.Api;

/// <summary>A skill and how well the agent knows it, 1 (novice) to 5 (expert).</summary>
public sealed record SkillDto(string? Skill, int? Proficiency);
