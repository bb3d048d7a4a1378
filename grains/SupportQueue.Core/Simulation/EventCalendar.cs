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
        var top = heap[0];
        time = top.Time;
        var n = --_count;
        if (n > 0)
        {
            var last = heap[n];
            heap[n] = default;
            var i = 0;

            // Sift the last entry down from the root with a hole.
            while (true)
            {
                var first = (i * Arity) + 1;
                if (first >= n)
                {
                    break;
                }

                var best = first;
                var end = Math.Min(first + Arity, n);
                for (var c = first + 1; c < end; c++)
                {
                    if (Before(heap[c].Time, heap[c].Sequence, heap[best].Time, heap[best].Sequence))
                    {
                        best = c;
                    }
                }

                if (!Before(heap[best].Time, heap[best].Sequence, last.Time, last.Sequence))
                {
                    break;
                }

                heap[i] = heap[best];
                i = best;
            }

            heap[i] = last;
        }
        else
        {
            heap[0] = default;
        }

        return top.Item;
    }

    private static bool Before(double time, long sequence, double otherTime, long otherSequence) =>
        time < otherTime || (time == otherTime && sequence < otherSequence);

    private readonly struct Entry(double time, long sequence, T item)
    {
        public readonly double Time = time;
        public readonly long Sequence = sequence;
        public readonly T Item = item;
    }
}
