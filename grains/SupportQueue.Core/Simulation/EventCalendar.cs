namespace SupportQueue.Core.Simulation;

/// <summary>
/// The simulation's future-event list: a 4-ary min-heap ordered by (time, sequence). Sequences are
/// unique, so the order is total and the events come out in exactly one order, whatever the heap's
/// shape. This is the hottest structure of a run, so:
/// <list type="bullet">
/// <item>the heap holds only plain keys (time, sequence and the slot of the event's payload), so
/// moving them needs no GC write barrier;</item>
/// <item>the earliest of four children is picked with arithmetic, not branches, which mispredict on
/// random times;</item>
/// <item>taking the earliest event leaves a hole at the root, and the next event scheduled (an event
/// usually schedules one) drops straight into it: one sift instead of two.</item>
/// </list>
/// </summary>
internal sealed class EventCalendar<T>
    where T : struct
{
    private const int Arity = 4;
    private Key[] _heap = new Key[64];
    private T[] _items = new T[64];

    /// <summary>Payload slots not in use, any order.</summary>
    private int[] _freeItems = new int[64];
    private int _freeCount;
    private int _itemCount;

    /// <summary>Events pending.</summary>
    private int _count;

    /// <summary>
    /// The root was taken and not refilled yet: the pending events are at 1.._count instead of
    /// 0.._count-1. Every read refills it first.
    /// </summary>
    private bool _hole;

    public int Count => _count;

    /// <summary>Time of the earliest event; false when the calendar is empty.</summary>
    public bool TryPeekTime(out double time)
    {
        FillHole();
        if (_count == 0)
        {
            time = 0;
            return false;
        }

        time = _heap[0].Time;
        return true;
    }

    public void Enqueue(double time, long sequence, in T item)
    {
        int slot;
        if (_freeCount > 0)
        {
            slot = _freeItems[--_freeCount];
        }
        else
        {
            if (_itemCount == _items.Length)
            {
                Array.Resize(ref _items, _items.Length * 2);
            }

            slot = _itemCount++;
        }

        _items[slot] = item;
        var key = new Key(time, sequence, slot);
        if (_hole)
        {
            // The new event takes the root's place and sinks to where it belongs among the others.
            _hole = false;
            _count++;
            SiftDown(key, _count);
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
            if (!Before(in key, in heap[parent]))
            {
                break;
            }

            heap[i] = heap[parent];
            i = parent;
        }

        heap[i] = key;
    }

    /// <summary>Removes and returns the earliest event. The calendar must not be empty.</summary>
    public T Dequeue(out double time)
    {
        FillHole();
        var top = _heap[0];
        time = top.Time;
        _count--;
        _hole = true;
        var item = _items[top.Slot];
        _items[top.Slot] = default;
        if (_freeCount == _freeItems.Length)
        {
            Array.Resize(ref _freeItems, _freeItems.Length * 2);
        }

        _freeItems[_freeCount++] = top.Slot;
        return item;
    }

    /// <summary>Refills an empty root with the last entry.</summary>
    private void FillHole()
    {
        if (!_hole)
        {
            return;
        }

        _hole = false;
        var n = _count;
        if (n == 0)
        {
            return;
        }

        var last = _heap[n];
        SiftDown(last, n);
    }

    /// <summary>Places <paramref name="key"/> from the root of a heap of <paramref name="n"/> entries whose root is empty.</summary>
    private void SiftDown(Key key, int n)
    {
        var heap = _heap;
        var i = 0;
        while (true)
        {
            var first = (i * Arity) + 1;
            if (first >= n)
            {
                break;
            }

            int best;
            if (first + Arity <= n)
            {
                var left = first + Bit(Before(in heap[first + 1], in heap[first]));
                var right = first + 2 + Bit(Before(in heap[first + 3], in heap[first + 2]));
                best = left + ((right - left) & -Bit(Before(in heap[right], in heap[left])));
            }
            else
            {
                best = first;
                for (var c = first + 1; c < n; c++)
                {
                    if (Before(in heap[c], in heap[best]))
                    {
                        best = c;
                    }
                }
            }

            if (!Before(in heap[best], in key))
            {
                break;
            }

            heap[i] = heap[best];
            i = best;
        }

        heap[i] = key;
    }

    /// <summary>Time, then sequence; evaluated without short-circuit branches.</summary>
    private static bool Before(in Key a, in Key b) =>
        (a.Time < b.Time) | ((a.Time == b.Time) & (a.Sequence < b.Sequence));

    private static int Bit(bool value) => value ? 1 : 0;

    private readonly struct Key(double time, long sequence, int slot)
    {
        public readonly double Time = time;
        public readonly long Sequence = sequence;
        public readonly int Slot = slot;
    }
}
