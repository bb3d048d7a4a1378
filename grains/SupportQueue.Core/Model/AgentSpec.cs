using System.Collections.Immutable;

namespace SupportQueue.Core.Model;

/// <summary>An agent's standing configuration.</summary>
[GenerateSerializer, Immutable, Alias("SupportQueue.AgentSpec")]
public sealed record AgentSpec(
    [property: Id(0)] string AgentId,
    [property: Id(1)] string DeskId,
    [property: Id(2)] string Tier,
    [property: Id(3)] ImmutableArray<SkillLevel> Skills,
    [property: Id(4)] int Capacity = 1)
{
    public ImmutableArray<SkillLevel> SkillLevels => Skills.IsDefault ? [] : Skills;

    /// <summary>Throws a <see cref="SupportQueueException"/> naming the first bad field.</summary>
    public void Validate(DeskSettings desk)
    {
        StoredId.Require("agentId", AgentId);
        StoredId.Require("deskId", DeskId);

        if (desk.TierIndex(Tier) < 0)
        {
            throw SupportQueueException.Invalid("tier", Tier, $"no such tier; the desk has {string.Join(", ", desk.Tiers.Select(t => t.Name))}");
        }

        if (Capacity is < 1 or > 1000)
        {
            throw SupportQueueException.Invalid("capacity", Capacity, "must be between 1 and 1000 concurrent tickets");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in SkillLevels)
        {
            RecordName.Require("skills", s.Skill);

            if (s.Proficiency is < 1 or > 5)
            {
                throw SupportQueueException.Invalid($"skills.{s.Skill}", s.Proficiency, "proficiency must be between 1 and 5");
            }

            if (!seen.Add(s.Skill))
            {
                throw SupportQueueException.Invalid("skills", s.Skill, "listed twice");
            }
        }
    }
}
