namespace SupportQueue.Core.Routing;

/// <summary>A desk and the number it gave a skill set.</summary>
internal sealed record SkillGroupCache(object Desk, int Group);
