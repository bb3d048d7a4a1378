using System.Collections.Concurrent;

namespace SupportQueue.Grains;

/// <summary>
/// Grain state kept in this process's memory: the embedded default's storage. Every silo of a
/// process that is handed the same store sees the same state, so a grain that moves between
/// in-process silos (one was killed, one joined) finds what it wrote. Nothing survives the process.
/// </summary>
/// <remarks>
/// Orleans' own memory provider keeps state in storage grains, so each of a ticket's five writes
/// was one more grain call (a message, a copy of the payload, a task) on the routing path; here a
/// write is a serialization into a fresh array and one dictionary swap. Payloads are stored
/// serialized, never as the grain's live object, so a grain's later unsaved changes cannot leak
/// into what a later activation reads.
/// </remarks>
public sealed class InMemoryStateStore
{
    // Sharded: growing a ConcurrentDictionary re-creates every node while holding all its locks, so
    // one table of a million tickets stalled every write for hundreds of milliseconds (and left that
    // many objects for the collector); a shard holds a 64th of the states and grows on its own.
    private const int ShardCount = 64;

    private readonly ConcurrentDictionary<(string StateName, GrainId GrainId), Entry>[] _shards =
        [.. Enumerable.Range(0, ShardCount).Select(_ => new ConcurrentDictionary<(string StateName, GrainId GrainId), Entry>())];

    /// <summary>How many grain states (cleared ones included) the store holds.</summary>
    public int Count => _shards.Sum(s => s.Count);

    internal bool TryGet(string stateName, GrainId grainId, out Entry entry) => Shard(grainId).TryGetValue((stateName, grainId), out entry!);

    private ConcurrentDictionary<(string StateName, GrainId GrainId), Entry> Shard(GrainId grainId) =>
        _shards[(int)((uint)grainId.GetHashCode() % ShardCount)];

    /// <summary>
    /// Replaces the entry when its current version is <paramref name="expectedVersion"/> (0: no entry
    /// yet); returns the new version, or null when someone else wrote first.
    /// </summary>
    internal long? TryReplace(string stateName, GrainId grainId, long expectedVersion, byte[]? payload)
    {
        var key = (stateName, grainId);
        var entries = Shard(grainId);
        var next = new Entry(expectedVersion + 1, payload);
        if (expectedVersion == 0)
        {
            return entries.TryAdd(key, next) ? next.Version : null;
        }

        return entries.TryGetValue(key, out var current) && current.Version == expectedVersion && entries.TryUpdate(key, next, current)
            ? next.Version
            : null;
    }

    internal sealed record Entry(long Version, byte[]? Payload);
}
