using System.Runtime.CompilerServices;
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

    /// <summary>Read several times per assignment: always inlined, or a large caller's inlining budget may leave it a call.</summary>
    public int FreeCapacity
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Presence == Presence.Available && !Saturated ? Math.Max(0, Capacity - Load) : 0;
    }

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
