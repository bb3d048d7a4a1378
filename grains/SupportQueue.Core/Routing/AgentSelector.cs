using System.Runtime.InteropServices;
using SupportQueue.Core.Model;

namespace SupportQueue.Core.Routing;

/// <summary>The agent-selection strategies. Every tie is broken by registration order, so choices are deterministic.</summary>
internal static class AgentSelector
{
    public static PoolAgent? Select(AgentSelection strategy, List<PoolAgent> pool, List<PoolAgent> free, string[] skills, ref int roundRobinCursor)
    {
        PoolAgent? best = null;
        if (strategy == AgentSelection.RoundRobin)
        {
            var n = pool.Count;
            for (var i = 0; i < n; i++)
            {
                var index = (roundRobinCursor + i) % n;
                var a = pool[index];
                if (a.FreeCapacity > 0 && a.HasAll(skills))
                {
                    roundRobinCursor = (index + 1) % n;
                    return a;
                }
            }

            return null;
        }

        // Every other strategy is a total order (ties end at registration order), so scanning
        // only the free agents, in whatever order the free list holds them, picks the same agent.
        if (skills.Length == 0 && strategy is AgentSelection.LongestIdle or AgentSelection.BestSkill)
        {
            // No skills asked: everyone is eligible and every proficiency is 0, so both strategies
            // come down to the longest idle; the common case, kept to a tight loop.
            foreach (var a in CollectionsMarshal.AsSpan(free))
            {
                if (a.FreeCapacity > 0
                    && (best is null || a.FreeSinceTicks < best.FreeSinceTicks || (a.FreeSinceTicks == best.FreeSinceTicks && a.Order < best.Order)))
                {
                    best = a;
                }
            }

            return best;
        }

        foreach (var a in CollectionsMarshal.AsSpan(free))
        {
            if (a.FreeCapacity <= 0 || !a.HasAll(skills))
            {
                continue;
            }

            if (best is null || Better(strategy, a, best, skills))
            {
                best = a;
            }
        }

        return best;
    }

    private static bool Better(AgentSelection strategy, PoolAgent a, PoolAgent b, string[] skills)
    {
        switch (strategy)
        {
            case AgentSelection.LeastBusy:
                // Compare load/capacity without floating point: a.Load/a.Cap < b.Load/b.Cap.
                var left = (long)a.Load * b.Capacity;
                var right = (long)b.Load * a.Capacity;
                if (left != right)
                {
                    return left < right;
                }

                break;
            case AgentSelection.BestSkill:
                var pa = a.Proficiency(skills);
                var pb = b.Proficiency(skills);
                if (pa != pb)
                {
                    return pa > pb;
                }

                break;
        }

        // Longest idle, the default and every strategy's tie-break.
        if (a.FreeSinceTicks != b.FreeSinceTicks)
        {
            return a.FreeSinceTicks < b.FreeSinceTicks;
        }

        return a.Order < b.Order;
    }
}
