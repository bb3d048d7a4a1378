using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SupportQueue.Core.Simulation;

/// <summary>
/// The simulation's future-event list: an 8-ary min-heap ordered by (time, sequence). Sequences are
/// unique, so the order is total and the events come out in exactly one order, whatever the heap's
/// shape. This is the hottest structure of a run, so:
/// <list type="bullet">
/// <item>the payload is a small unmanaged struct kept in the heap entry itself: no side table, no
/// free list, and moving an entry needs no GC write barrier;</item>
/// <item>times are never negative, so their IEEE-754 bits order like the times: entries compare as
/// integers, without floating-point compares;</item>
/// <item>the earliest of eight children is picked by a three-round tournament of branch-free
/// compares (branches mispredict on random times); a wide node keeps the heap shallow: a desk of a
/// few hundred busy agents is three levels deep;</item>
/// <item>taking the earliest event leaves a hole at the root, and the next event scheduled (an event
/// usually schedules one) drops straight into it: one sift instead of two;</item>
/// <item>the sift from the root is bottom-up: the hole first moves down along the earliest children
/// to a leaf, then the entry climbs back from there. Entries placed at the root (the last leaf, or a
/// new event, typically later than most) end near the bottom, so this saves one compare per level
/// and gives the same heap as the usual top-down sift.</item>
/// </list>
/// Not sealed: <see cref="RunCalendar"/> extends it, so the loop reaches the heap without a hop
/// through another object (no member is virtual, so calls stay direct).
/// </summary>
internal class EventCalendar<T>
    where T : unmanaged
{
    private const int Arity = 8;
    private Entry[] _heap = new Entry[64];

    /// <summary>Events pending.</summary>
    private int _count;

    /// <summary>
    /// The root was taken and not refilled yet: the pending events are at 1.._count instead of
    /// 0.._count-1. Every read refills it first.
    /// </summary>
    private bool _hole;

    public int Count => _count;

    /// <summary>Time and sequence of the earliest event; false when the calendar is empty.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryPeek(out double time, out long sequence)
    {
        if (_hole)
        {
            FillHole();
        }

        if (_count == 0)
        {
            time = 0;
            sequence = 0;
            return false;
        }

        ref readonly var top = ref _heap[0];
        time = top.Time;
        sequence = top.Sequence;
        return true;
    }

    /// <summary>Schedules <paramref name="item"/> at <paramref name="time"/>, which must not be negative or NaN.</summary>
    public void Enqueue(double time, long sequence, T item)
    {
        if (!(time >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(time), time, "must be >= 0");
        }

        var entry = new Entry(time, sequence, item);
        if (_hole)
        {
            // The new event takes the root's place and sinks to where it belongs among the others.
            _hole = false;
            _count++;
            SiftDown(entry, _count);
            return;
        }

        if (_count == _heap.Length)
        {
            Array.Resize(ref _heap, _heap.Length * 2);
        }

        var heap = _heap;
        var i = _count++;

        // Sift up with a hole: move parents down until the new entry's place is found.
        while (i > 0)
        {
            var parent = (i - 1) / Arity;
            if (!Before(in entry, in heap[parent]))
            {
                break;
            }

            heap[i] = heap[parent];
            i = parent;
        }

        heap[i] = entry;
    }

    /// <summary>Removes and returns the earliest event. The calendar must not be empty.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Dequeue(out double time)
    {
        if (_hole)
        {
            FillHole();
        }

        ref readonly var top = ref _heap[0];
        time = top.Time;
        _count--;
        _hole = true;
        return top.Item;
    }

    /// <summary>Refills an empty root with the last entry.</summary>
    private void FillHole()
    {
        _hole = false;
        var n = _count;
        if (n == 0)
        {
            return;
        }

        SiftDown(_heap[n], n);
    }

    /// <summary>Places <paramref name="entry"/> from the root of a heap of <paramref name="n"/> entries whose root is empty.</summary>
    private void SiftDown(in Entry entry, int n)
    {
        // Every index used below is under n, and n is at most the array's length: no bounds checks.
        ref var heap = ref MemoryMarshal.GetArrayDataReference(_heap);
        var key = entry.Key;
        var sequence = entry.Sequence;

        // Down: the hole follows the earliest child to a leaf.
        var i = 0;
        while (true)
        {
            var first = (i * Arity) + 1;
            if (first >= n)
            {
                break;
            }

            ref var c = ref Unsafe.Add(ref heap, first);
            int best;
            if (first + Arity <= n)
            {
                // A tournament of pairs: three rounds of independent compares.
                var b01 = Bit(Before(in Unsafe.Add(ref c, 1), in c));
                var b23 = 2 + Bit(Before(in Unsafe.Add(ref c, 3), in Unsafe.Add(ref c, 2)));
                var b45 = 4 + Bit(Before(in Unsafe.Add(ref c, 5), in Unsafe.Add(ref c, 4)));
                var b67 = 6 + Bit(Before(in Unsafe.Add(ref c, 7), in Unsafe.Add(ref c, 6)));
                var b03 = Pick(Before(in Unsafe.Add(ref c, b23), in Unsafe.Add(ref c, b01)), b23, b01);
                var b47 = Pick(Before(in Unsafe.Add(ref c, b67), in Unsafe.Add(ref c, b45)), b67, b45);
                best = first + Pick(Before(in Unsafe.Add(ref c, b47), in Unsafe.Add(ref c, b03)), b47, b03);
            }
            else
            {
                best = first;
                for (var k = first + 1; k < n; k++)
                {
                    if (Before(in Unsafe.Add(ref heap, k), in Unsafe.Add(ref heap, best)))
                    {
                        best = k;
                    }
                }
            }

            Unsafe.Add(ref heap, i) = Unsafe.Add(ref heap, best);
            i = best;
        }

        // Up: the entry climbs while it is earlier than the parent of the hole.
        while (i > 0)
        {
            var parent = (i - 1) / Arity;
            ref var above = ref Unsafe.Add(ref heap, parent);
            if (!Before(key, sequence, above.Key, above.Sequence))
            {
                break;
            }

            Unsafe.Add(ref heap, i) = above;
            i = parent;
        }

        Unsafe.Add(ref heap, i) = entry;
    }

    /// <summary><paramref name="a"/> when <paramref name="condition"/> holds, else <paramref name="b"/>, without a branch.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Pick(bool condition, int a, int b) => b + ((a - b) & -Bit(condition));

    /// <summary>
    /// Time, then sequence. Equal times are rare, so that branch is well predicted and the usual
    /// case is one integer compare.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Before(in Entry a, in Entry b) => Before(a.Key, a.Sequence, b.Key, b.Sequence);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Before(ulong key, long sequence, ulong otherKey, long otherSequence) =>
        key != otherKey ? key < otherKey : sequence < otherSequence;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Bit(bool value) => value ? 1 : 0;

    private readonly struct Entry(double time, long sequence, T item)
    {
        /// <summary>The time's bits; adding +0.0 turns a −0.0 into +0.0, which sorts with the other zeros.</summary>
        public readonly ulong Key = BitConverter.DoubleToUInt64Bits(time + 0.0);
        public readonly long Sequence = sequence;
        public readonly T Item = item;

        public double Time => BitConverter.UInt64BitsToDouble(Key);
    }
}
