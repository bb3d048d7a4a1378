using System.Globalization;
using Orleans.Serialization;
using Orleans.Storage;

namespace SupportQueue.Grains;

/// <summary>The <see cref="IGrainStorage"/> over an <see cref="InMemoryStateStore"/>, with the usual ETag checks.</summary>
internal sealed class InMemoryGrainStorage(InMemoryStateStore store, Serializer serializer) : IGrainStorage
{
    // Each operation completes at once; a failure comes back as a faulted task, as from any
    // storage, never thrown at the caller.
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        try
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
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return Task.FromException(ex);
        }
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        try
        {
            var version = Replace(stateName, grainId, grainState.ETag, serializer.SerializeToArray(grainState.State));
            grainState.ETag = ETag(version);
            grainState.RecordExists = true;
            return Task.CompletedTask;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return Task.FromException(ex);
        }
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        try
        {
            // The entry stays (without a payload) so its version keeps counting: a writer holding a
            // pre-clear ETag must still conflict.
            var version = Replace(stateName, grainId, grainState.ETag, payload: null);
            grainState.ETag = ETag(version);
            grainState.RecordExists = false;
            return Task.CompletedTask;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return Task.FromException(ex);
        }
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
