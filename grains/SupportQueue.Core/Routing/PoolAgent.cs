using System.Runtime.InteropServices;
using SupportQueue.Core.Model;

namespace SupportQueue.Core.Routing;

/// <summary>The desk's view of one agent: enough to pick who gets the next ticket.</summary>
internal sealed class PoolAgent
{
    public required string Id { get; init; }
    public int Tier { get; set; }
    public int Capacity { get; set; }
    public int Load { get; set; }
    public Presence Presence { get; set; }
    public Dictionary<string, int> Skills { get; set; } = new(StringComparer.Ordinal);

    /// <summary>When the agent last had free capacity handed back (finished work, came available).</summary>
    public DateTimeOffset FreeSince
    {
        get => new(FreeSinceTicks, TimeSpan.Zero);
        set => FreeSinceTicks = value.UtcTicks;
    }

    /// <summary><see cref="FreeSince"/> in UTC ticks: selection compares these for every free agent.</summary>
    public long FreeSinceTicks { get; private set; }
    public required int Order { get; init; }

    /// <summary>Position on the desk's free list of the agent's tier; -1 when not on it.</summary>
    public int FreeSlot { get; set; } = -1;

    /// <summary>
    /// The agent side reported it is full although the desk counted room (work the desk has not
    /// been told about yet, e.g. after a restart). No offers until the agent frees something.
    /// </summary>
    public bool Saturated { get; set; }

    public int FreeCapacity => Presence == Presence.Available && !Saturated ? Math.Max(0, Capacity - Load) : 0;

    public bool HasAll(string[] skills)
    {
        foreach (var s in skills)
        {
            if (!Skills.ContainsKey(s))
            {
                return false;
            }
        }

        return true;
    }

    public int Proficiency(string[] skills)
    {
        var sum = 0;
        foreach (var s in skills)
        {
            sum += Skills.GetValueOrDefault(s);
        }

        return sum;
    }
}

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
