namespace SupportQueue.Core.Model;

/// <summary>A skill an agent holds, with proficiency 1 (novice) to 5 (expert).</summary>
[GenerateSerializer, Immutable, Alias("SupportQueue.SkillLevel")]
public sealed record SkillLevel(
    [property: Id(0)] string Skill,
    [property: Id(1)] int Proficiency);
