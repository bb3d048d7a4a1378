using SupportQueue.Core.Model;

namespace SupportQueue.Core.Routing;

/// <summary>
/// Admits agents to a desk's pool: checks a registration against the desk and the agent's current
/// work before the pool changes, so a refused one changes nothing.
/// </summary>
internal static class AgentRegistration
{
    /// <summary>Adds an agent or updates its tier, skills and capacity (its current work stays).</summary>
    public static void Upsert(DeskState desk, AgentSpec spec, Presence presence, DateTimeOffset now)
    {
        var settings = desk.Settings;
        spec.Validate(settings);
        if (spec.DeskId != desk.DeskId)
        {
            throw SupportQueueException.Invalid("deskId", spec.DeskId, $"this is desk '{desk.DeskId}'");
        }

        CheckPresence(presence);
        var tier = settings.TierIndex(spec.Tier);
        if (desk.Pool.TryGet(spec.AgentId, out var agent))
        {
            if (agent.Tier != tier && agent.Load > 0)
            {
                throw SupportQueueException.Invalid("tier", spec.Tier, $"agent '{spec.AgentId}' still holds {agent.Load} ticket(s) at {settings.Tiers[agent.Tier].Name}");
            }

            // Load (held tickets and pending offers) above capacity is what CheckInvariants rejects;
            // shrinking has to wait until the agent is down to the new capacity.
            if (spec.Capacity < agent.Load)
            {
                throw SupportQueueException.Invalid("capacity", spec.Capacity, $"agent '{spec.AgentId}' still holds {agent.Load} ticket(s)");
            }
        }

        var skills = spec.SkillLevels.ToDictionary(s => s.Skill, s => s.Proficiency, StringComparer.Ordinal);
        desk.Pool.Upsert(spec.AgentId, tier, spec.Capacity, skills, presence, now);
    }

    public static void SetPresence(AgentPool pool, PoolAgent agent, Presence presence, DateTimeOffset now)
    {
        CheckPresence(presence);
        pool.SetPresence(agent, presence, now);
    }

    private static void CheckPresence(Presence presence)
    {
        if (!Enum.IsDefined(presence))
        {
            throw SupportQueueException.Invalid("presence", presence.ToString(), "must be Offline, Available or Break");
        }
    }
}
