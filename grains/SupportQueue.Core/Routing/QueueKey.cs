using SupportQueue.Core.Model;

namespace SupportQueue.Core.Routing;

/// <summary>
/// Queue order. With aging, a ticket's effective priority rises one step per aging step waited:
/// ordering by (age basis + (priority − 1) × step) is exactly that, and it does not change as time
/// passes, so a heap keeps it without re-sorting. Without aging: priority, then age. Ties by
/// arrival sequence, so the order is total and deterministic.
/// </summary>
public readonly record struct QueueKey(long Rank, long Age, long Sequence) : IComparable<QueueKey>
{
    public static QueueKey For(Priority priority, DateTimeOffset ageBasis, TimeSpan? agingStep, long sequence) =>
        agingStep is { } step
            ? new QueueKey(0, ageBasis.UtcTicks + ((int)priority - 1) * step.Ticks, sequence)
            : new QueueKey((int)priority, ageBasis.UtcTicks, sequence);

    public int CompareTo(QueueKey other)
    {
        var c = Rank.CompareTo(other.Rank);
        if (c != 0)
        {
            return c;
        }

        c = Age.CompareTo(other.Age);
        return c != 0 ? c : Sequence.CompareTo(other.Sequence);
    }
}
