using System.Runtime.CompilerServices;

namespace SupportQueue.Core.Routing;

/// <summary>
/// Numbered slots, reused most-recently-freed first: the desk's ticket handles and a tier queue's
/// heap entries. Heaps and hosts hold the numbers, not references, so moving a heap node costs no
/// GC write barrier, and a freed number comes back while it is still warm in the cache.
/// </summary>
internal sealed class SlotTable<T>
{
    private T[] _items;
    private int[] _free;
    private int _freeCount;
    private int _used;

    public SlotTable(int capacity)
    {
        _items = new T[capacity];
        _free = new int[capacity];
    }

    /// <summary>Slots ever handed out: every occupied slot is below this.</summary>
    public int Used => _used;

    public ref T this[int slot] => ref _items[slot];

    /// <summary>Stores <paramref name="item"/> in a free slot and returns its number.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Add(T item)
    {
        int slot;
        if (_freeCount > 0)
        {
            slot = _free[--_freeCount];
        }
        else
        {
            if (_used == _items.Length)
            {
                Array.Resize(ref _items, _items.Length * 2);
            }

            slot = _used++;
        }

        _items[slot] = item;
        return slot;
    }

    /// <summary>Clears the slot and makes it the next one <see cref="Add"/> hands out.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Free(int slot)
    {
        _items[slot] = default!;
        if (_freeCount == _free.Length)
        {
            Array.Resize(ref _free, _free.Length * 2);
        }

        _free[_freeCount++] = slot;
    }
}
