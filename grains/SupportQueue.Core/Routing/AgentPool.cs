using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using SupportQueue.Core.Model;

namespace SupportQueue.Core.Routing;

/// <summary>
/// The desk's agents, per tier, with what selection needs kept current: each tier's free capacity
/// and its agents that have some (the free list, so selection scans only those). Every change to
/// an agent's load, presence or capacity goes through <see cref="Recount"/>, which keeps both.
/// </summary>
internal sealed class AgentPool
{
    private const double HandleTimeSmoothing = 0.1;

    private readonly Dictionary<string, PoolAgent> _byId = new(StringComparer.Ordinal);

    /// <summary>Every agent by handle: the handle is the registration order (agents are never removed).</summary>
    private readonly List<PoolAgent> _all = [];
    private List<PoolAgent>[] _pools = [];
    private List<PoolAgent>[] _free = [];
    private int[] _freeCapacity = [];
    private int[] _roundRobin = [];
    private double[] _handleMinutes = [];

    public AgentPool(DeskSettings settings) => ResetTiers(settings);

    public int Count => _all.Count;

    /// <summary>Starts the tiers afresh; only while the desk has no agents.</summary>
    public void ResetTiers(DeskSettings settings)
    {
        var tiers = settings.TierCount;
        _pools = new List<PoolAgent>[tiers];
        _free = new List<PoolAgent>[tiers];
        _freeCapacity = new int[tiers];
        _roundRobin = new int[tiers];
        _handleMinutes = new double[tiers];
        for (var t = 0; t < tiers; t++)
        {
            _pools[t] = [];
            _free[t] = [];
            _handleMinutes[t] = settings.Tiers[t].HandleTimeEstimate.TotalMinutes;
        }
    }

    public int FreeCapacity(int tier) => _freeCapacity[tier];

    /// <summary>The tier's agents in registration order.</summary>
    public List<PoolAgent> Tier(int tier) => _pools[tier];

    /// <summary>The tier's agents with free capacity, in no particular order.</summary>
    public List<PoolAgent> FreeList(int tier) => _free[tier];

    public bool Contains(string agentId) => _byId.ContainsKey(agentId);

    public bool TryGet(string agentId, [MaybeNullWhen(false)] out PoolAgent agent) => _byId.TryGetValue(agentId, out agent);

    public PoolAgent Get(string agentId) =>
        _byId.TryGetValue(agentId, out var agent) ? agent : throw SupportQueueException.UnknownAgent(agentId);

    // On every in-process operation: the throw is out of line so this inlines.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public PoolAgent At(int handle) =>
        (uint)handle < (uint)_all.Count ? _all[handle] : UnknownAgent(handle);

    /// <summary>Adds an agent, or moves and reshapes an existing one (the caller checked that its work allows it).</summary>
    public void Upsert(string agentId, int tier, int capacity, Dictionary<string, int> skills, Presence presence, DateTimeOffset now)
    {
        if (_byId.TryGetValue(agentId, out var agent))
        {
            // Taken off its old tier's count whole: the tier may change.
            _freeCapacity[agent.Tier] -= agent.FreeCapacity;
            if (agent.Tier != tier)
            {
                Untrack(agent);
                _pools[agent.Tier].Remove(agent);
                _pools[tier].Add(agent);
                _pools[tier].Sort(static (a, b) => a.Order.CompareTo(b.Order));
                agent.Tier = tier;
            }

            agent.Capacity = capacity;
            agent.Skills = skills;
            if (agent.Presence != presence)
            {
                agent.Presence = presence;
                if (presence == Presence.Available)
                {
                    agent.FreeSince = now;
                }
            }

            Recount(agent, 0);
            return;
        }

        agent = new PoolAgent
        {
            Id = agentId,
            Order = _all.Count,
            Tier = tier,
            Capacity = capacity,
            Presence = presence,
            Skills = skills,
            FreeSince = now,
        };
        _byId.Add(agent.Id, agent);
        _all.Add(agent);
        _pools[tier].Add(agent);
        Recount(agent, 0);
    }

    public void SetPresence(PoolAgent agent, Presence presence, DateTimeOffset now)
    {
        if (agent.Presence == presence)
        {
            return;
        }

        var before = agent.FreeCapacity;
        agent.Saturated = false;
        agent.Presence = presence;
        if (presence == Presence.Available)
        {
            agent.FreeSince = now;
        }

        Recount(agent, before);
    }

    /// <summary>The agent takes on (+1) or is relieved of (−1) a ticket or a pending offer.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void ChangeLoad(PoolAgent agent, int delta)
    {
        var before = agent.FreeCapacity;
        agent.Load += delta;
        Recount(agent, before);
    }

    /// <summary>
    /// The agent finished with a ticket (resolved or escalated it): a slot is free again, and it
    /// counts as idle from now. An offer that ended untaken uses <see cref="ChangeLoad"/> instead:
    /// it never moved FreeSince, and restoring the value from offer time would undo a return to
    /// Available or a finished ticket that happened while the offer was out.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void FinishWork(PoolAgent agent, DateTimeOffset now)
    {
        var before = agent.FreeCapacity;
        agent.Saturated = false;
        agent.Load--;
        agent.FreeSince = now;
        Recount(agent, before);
    }

    /// <summary>The agent side reported it is full: no offers until the agent frees something.</summary>
    public void Saturate(PoolAgent agent)
    {
        var before = agent.FreeCapacity;
        agent.Saturated = true;
        Recount(agent, before);
    }

    public PoolAgent? Select(AgentSelection strategy, int tier, string[] skills) =>
        AgentSelector.Select(strategy, _pools[tier], _free[tier], skills, ref _roundRobin[tier]);

    /// <summary>Folds a finished ticket's handling time into the tier's estimate.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void ObserveHandleTime(int tier, double minutes) =>
        _handleMinutes[tier] += HandleTimeSmoothing * (minutes - _handleMinutes[tier]);

    /// <summary>Estimated wait for a ticket joining a tier where <paramref name="waiting"/> already wait.</summary>
    public TimeSpan ExpectedWait(int tier, int waiting)
    {
        var staffed = 0;
        foreach (var a in _pools[tier])
        {
            if (a.Presence == Presence.Available)
            {
                staffed += a.Capacity;
            }
        }

        if (staffed == 0)
        {
            return TimeSpan.MaxValue;
        }

        // Offered tickets already hold their agent's capacity (free capacity excludes them), so only
        // tickets still waiting are ahead of a newcomer; counting both would charge an offer twice.
        var ahead = waiting + 1 - _freeCapacity[tier];
        return ahead <= 0 ? TimeSpan.Zero : TimeSpan.FromMinutes(ahead * _handleMinutes[tier] / staffed);
    }

    public bool TierHasSkills(int tier, IReadOnlyList<string> skills)
    {
        foreach (var a in _pools[tier])
        {
            var all = true;

            // Indexed: a foreach over the interface would allocate an enumerator per agent.
            for (var i = 0; i < skills.Count; i++)
            {
                if (!a.Skills.ContainsKey(skills[i]))
                {
                    all = false;
                    break;
                }
            }

            if (all)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The one place free capacity is counted: the agent's tier gains what the agent has free now
    /// less <paramref name="before"/> (what it had when the change began), and the free list follows.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Recount(PoolAgent agent, int before)
    {
        var free = agent.FreeCapacity;
        _freeCapacity[agent.Tier] += free - before;
        if (free > 0)
        {
            if (agent.FreeSlot < 0)
            {
                agent.FreeSlot = _free[agent.Tier].Count;
                _free[agent.Tier].Add(agent);
            }
        }
        else
        {
            Untrack(agent);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Untrack(PoolAgent agent)
    {
        if (agent.FreeSlot < 0)
        {
            return;
        }

        var list = _free[agent.Tier];
        var last = list[^1];
        list[agent.FreeSlot] = last;
        last.FreeSlot = agent.FreeSlot;
        list.RemoveAt(list.Count - 1);
        agent.FreeSlot = -1;
    }

    [DoesNotReturn]
    private static PoolAgent UnknownAgent(int handle) => throw SupportQueueException.UnknownAgent($"#{handle}");
}
