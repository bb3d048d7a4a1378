namespace SupportQueue.Core.Simulation;

/// <summary>
/// The simulation's future-event list: a 4-ary min-heap ordered by (time, sequence). Sequences are
/// unique, so the order is total and the events come out in exactly one order, whatever the heap's
/// shape. Entries are structs kept in one array, compared inline: this is the hottest structure of
/// a run, and a general priority queue with a comparer object costs an interface call per compare.
/// </summary>
internal sealed class EventCalendar<T>
    where T : struct
{
    private const int Arity = 4;
    private Entry[] _heap = new Entry[64];
    private int _count;

    public int Count => _count;

    /// <summary>Time of the earliest event; false when the calendar is empty.</summary>
    public bool TryPeekTime(out double time)
    {
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
            ref var p = ref heap[parent];
            if (!Before(time, sequence, p.Time, p.Sequence))
            {
                break;
            }

            heap[i] = p;
            i = parent;
        }

        heap[i] = new Entry(time, sequence, item);
    }

    /// <summary>Removes and returns the earliest event. The calendar must not be empty.</summary>
    public T Dequeue(out double time)
    {
        var heap = _heap;
        time = heap[0].Time;
        var item = heap[0].Item;
        var n = --_count;
        if (n == 0)
        {
            heap[0] = default;
            return item;
        }

        var last = heap[n];
        heap[n] = default;
        var i = 0;

        // Sift the last entry down from the root with a hole. Event times are effectively random,
        // so the earliest of four children is picked with selects rather than branches.
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
                var left = Before(in heap[first + 1], in heap[first]) ? first + 1 : first;
                var right = Before(in heap[first + 3], in heap[first + 2]) ? first + 3 : first + 2;
                best = Before(in heap[right], in heap[left]) ? right : left;
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

            if (!Before(in heap[best], in last))
            {
                break;
            }

            heap[i] = heap[best];
            i = best;
        }

        heap[i] = last;
        return item;
    }

    private static bool Before(double time, long sequence, double otherTime, long otherSequence) =>
        time < otherTime || (time == otherTime && sequence < otherSequence);

    /// <summary>The same order as the other overload, evaluated without short-circuit branches.</summary>
    private static bool Before(in Entry a, in Entry b) =>
        (a.Time < b.Time) | ((a.Time == b.Time) & (a.Sequence < b.Sequence));

    private readonly struct Entry(double time, long sequence, T item)
    {
        public readonly double Time = time;
        public readonly long Sequence = sequence;
        public readonly T Item = item;
    }
}
