using System.Collections.Concurrent;
using System.Globalization;
using Orleans.Serialization;
using Orleans.Storage;

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

/// <summary>The <see cref="IGrainStorage"/> over an <see cref="InMemoryStateStore"/>, with the usual ETag checks.</summary>
internal sealed class InMemoryGrainStorage(InMemoryStateStore store, Serializer serializer) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (store.TryGet(stateName, grainId, out var entry))
        {
            grainState.ETag = ETag(entry.Version);
            grainState.RecordExists = entry.Payload is not null;
            if (entry.Payload is { } payload)
            {
                grainState.State = serializer.Deserialize<T>(payload);
            }
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var version = Replace(stateName, grainId, grainState.ETag, serializer.SerializeToArray(grainState.State));
        grainState.ETag = ETag(version);
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        // The entry stays (without a payload) so its version keeps counting: a writer holding a
        // pre-clear ETag must still conflict.
        var version = Replace(stateName, grainId, grainState.ETag, payload: null);
        grainState.ETag = ETag(version);
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private long Replace(string stateName, GrainId grainId, string? etag, byte[]? payload)
    {
        var expected = etag is null ? 0 : long.Parse(etag, CultureInfo.InvariantCulture);
        return store.TryReplace(stateName, grainId, expected, payload) ?? throw Conflict(stateName, grainId, etag);
    }

    private InconsistentStateException Conflict(string stateName, GrainId grainId, string? etag)
    {
        var stored = store.TryGet(stateName, grainId, out var entry) ? ETag(entry.Version) : "none";
        return new InconsistentStateException(
            $"State '{stateName}' of {grainId} was written by someone else: stored version {stored}, this activation had {etag ?? "none"}.",
            stored,
            etag ?? "none");
    }

    private static string ETag(long version) => version.ToString(CultureInfo.InvariantCulture);
}
