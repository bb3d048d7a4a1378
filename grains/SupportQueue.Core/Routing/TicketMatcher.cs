using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SupportQueue.Core.Model;

namespace SupportQueue.Core.Routing;

/// <summary>
/// Finds the next (waiting ticket, free eligible agent) pair: each tier serves its own queue first,
/// best ticket first; then, with borrowing, a tier with nothing waiting takes work from the tiers
/// below once it has waited long enough.
/// </summary>
internal sealed class TicketMatcher(AgentPool pool)
{
    private readonly List<DeskTicket> _heads = [];

    /// <summary>False when <see cref="TryFind"/> surely finds nothing: no tier has both free capacity and a waiting ticket, and borrowing is off.</summary>
    public bool MayMatch(TierQueue[] queues, DeskSettings settings)
    {
        if (settings.Borrowing.Enabled)
        {
            return true;
        }

        for (var t = 0; t < queues.Length; t++)
        {
            if (pool.FreeCapacity(t) > 0 && queues[t].Waiting > 0)
            {
                return true;
            }
        }

        return false;
    }

    public bool TryFind(TierQueue[] queues, DeskSettings settings, DateTimeOffset now, [NotNullWhen(true)] out DeskTicket? ticket, [NotNullWhen(true)] out PoolAgent? agent, out int queueTier)
    {
        var tiers = queues.Length;
        for (var t = 0; t < tiers; t++)
        {
            if (pool.FreeCapacity(t) > 0 && queues[t].Waiting > 0 && FindInQueue(queues[t], t, null, settings.Selection, now, out ticket, out agent))
            {
                queueTier = t;
                return true;
            }
        }

        if (settings.Borrowing.Enabled)
        {
            return TryBorrow(queues, settings, now, out ticket, out agent, out queueTier);
        }

        ticket = null;
        agent = null;
        queueTier = -1;
        return false;
    }

    /// <summary>
    /// A tier with nothing waiting takes work from the tiers below. Out of line: the common desk does
    /// not borrow, and the per-customer caller keeps its inlining budget for what it does do.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool TryBorrow(TierQueue[] queues, DeskSettings settings, DateTimeOffset now, [NotNullWhen(true)] out DeskTicket? ticket, [NotNullWhen(true)] out PoolAgent? agent, out int queueTier)
    {
        var tiers = queues.Length;
        for (var t = tiers - 1; t >= 1; t--)
        {
            if (pool.FreeCapacity(t) == 0 || queues[t].Waiting > 0)
            {
                continue;
            }

            for (var lower = t - 1; lower >= 0; lower--)
            {
                if (queues[lower].Waiting > 0 && FindInQueue(queues[lower], t, settings.Borrowing.MinWait, settings.Selection, now, out ticket, out agent))
                {
                    queueTier = lower;
                    return true;
                }
            }
        }

        ticket = null;
        agent = null;
        queueTier = -1;
        return false;
    }

    private bool FindInQueue(TierQueue queue, int poolTier, TimeSpan? minWait, AgentSelection selection, DateTimeOffset now, [NotNullWhen(true)] out DeskTicket? ticket, [NotNullWhen(true)] out PoolAgent? agent)
    {
        if (queue.HasSeveralGroups)
        {
            return FindAmongHeads(queue, poolTier, minWait, selection, now, out ticket, out agent);
        }

        // One skill group (the common case): its head is the only candidate, no list to fill and sort.
        ticket = queue.OnlyHead();
        if (ticket is not null && TryServe(ticket, poolTier, minWait, selection, now, out agent))
        {
            return true;
        }

        ticket = null;
        agent = null;
        return false;
    }

    /// <summary>Several skill groups: their heads, best first, each tried in turn. Out of line, as <see cref="TryBorrow"/>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool FindAmongHeads(TierQueue queue, int poolTier, TimeSpan? minWait, AgentSelection selection, DateTimeOffset now, [NotNullWhen(true)] out DeskTicket? ticket, [NotNullWhen(true)] out PoolAgent? agent)
    {
        queue.Heads(_heads);
        foreach (var head in CollectionsMarshal.AsSpan(_heads))
        {
            if (TryServe(head, poolTier, minWait, selection, now, out agent))
            {
                ticket = head;
                return true;
            }
        }

        ticket = null;
        agent = null;
        return false;
    }

    /// <summary>The agent of <paramref name="poolTier"/> that <paramref name="head"/> would go to now, if it has waited long enough.</summary>
    private bool TryServe(DeskTicket head, int poolTier, TimeSpan? minWait, AgentSelection selection, DateTimeOffset now, [NotNullWhen(true)] out PoolAgent? agent)
    {
        if (minWait is { } wait && now.UtcTicks - head.QueuedAt.UtcTicks < wait.Ticks)
        {
            agent = null;
            return false;
        }

        agent = pool.Select(selection, poolTier, head.Skills);
        return agent is not null;
    }
}
