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
    private readonly ConcurrentDictionary<(string StateName, GrainId GrainId), Entry> _entries = new();

    /// <summary>How many grain states (cleared ones included) the store holds.</summary>
    public int Count => _entries.Count;

    internal bool TryGet(string stateName, GrainId grainId, out Entry entry) => _entries.TryGetValue((stateName, grainId), out entry!);

    /// <summary>
    /// Replaces the entry when its current version is <paramref name="expectedVersion"/> (0: no entry
    /// yet); returns the new version, or null when someone else wrote first.
    /// </summary>
    internal long? TryReplace(string stateName, GrainId grainId, long expectedVersion, byte[]? payload)
    {
        var key = (stateName, grainId);
        var next = new Entry(expectedVersion + 1, payload);
        if (expectedVersion == 0)
        {
            return _entries.TryAdd(key, next) ? next.Version : null;
        }

        return _entries.TryGetValue(key, out var current) && current.Version == expectedVersion && _entries.TryUpdate(key, next, current)
            ? next.Version
            : null;
    }

    internal sealed record Entry(long Version, byte[]? Payload);
}
