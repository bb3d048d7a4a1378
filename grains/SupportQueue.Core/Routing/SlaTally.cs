using System.Runtime.CompilerServices;
using SupportQueue.Core.Model;

namespace SupportQueue.Core.Routing;

/// <summary>Met and breached SLA targets per priority, counted as tickets get their first response and are resolved.</summary>
internal sealed class SlaTally
{
    private readonly MetBreached[] _firstResponse = new MetBreached[5];
    private readonly MetBreached[] _resolution = new MetBreached[5];

    /// <summary>The SLA target of each priority, looked up once per settings rather than per ticket.</summary>
    private SlaTarget?[] _targets = new SlaTarget?[5];

    public SlaTally(DeskSettings settings) => Retarget(settings);

    /// <summary>New targets count from now on; what was counted stays.</summary>
    public void Retarget(DeskSettings settings)
    {
        var targets = new SlaTarget?[5];
        foreach (var p in Enum.GetValues<Priority>())
        {
            targets[(int)p] = settings.SlaFor(p);
        }

        _targets = targets;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void FirstResponse(Priority priority, DateTimeOffset createdAt, DateTimeOffset now) =>
        Count(_targets[(int)priority]?.FirstResponse, createdAt, now, ref _firstResponse[(int)priority]);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Resolution(Priority priority, DateTimeOffset createdAt, DateTimeOffset now) =>
        Count(_targets[(int)priority]?.Resolution, createdAt, now, ref _resolution[(int)priority]);

    public SlaCounters Snapshot(Priority priority, int openPastFirstResponse)
    {
        var first = _firstResponse[(int)priority];
        var resolution = _resolution[(int)priority];
        return new SlaCounters(priority, first.Met, first.Breached, resolution.Met, resolution.Breached, openPastFirstResponse);
    }

    /// <summary>Takes back what a host stored of <see cref="Snapshot"/> (the open count is not a counter and is ignored).</summary>
    public void Restore(SlaCounters counted)
    {
        _firstResponse[(int)counted.Priority] = new MetBreached { Met = counted.FirstResponseMet, Breached = counted.FirstResponseBreached };
        _resolution[(int)counted.Priority] = new MetBreached { Met = counted.ResolutionMet, Breached = counted.ResolutionBreached };
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Count(TimeSpan? target, DateTimeOffset createdAt, DateTimeOffset now, ref MetBreached counter)
    {
        if (target is { } t)
        {
            // Ticks, not the DateTimeOffset/TimeSpan operators: in a large hot caller those were left as calls.
            if (now.UtcTicks - createdAt.UtcTicks <= t.Ticks)
            {
                counter.Met++;
            }
            else
            {
                counter.Breached++;
            }
        }
    }

    private struct MetBreached
    {
        public long Met;
        public long Breached;
    }
}
