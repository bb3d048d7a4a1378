using Orleans.Storage;
using SupportQueue.Grains;

namespace SupportQueue.Hosting;

/// <summary>
/// Grain storage that reports the database's failures as <see cref="StorageUnavailableException"/>:
/// the provider's own exceptions (PostgresException, NpgsqlException) have no Orleans codec and
/// fail with CodecNotFoundException as soon as they cross to another silo or a client. Etag
/// conflicts (Orleans' own, serializable) pass unchanged.
/// </summary>
internal sealed class StorageFailures(IGrainStorage inner) : IGrainStorage
{
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        try
        {
            await inner.ReadStateAsync(stateName, grainId, grainState);
        }
        catch (Exception ex) when (Wraps(ex))
        {
            throw StorageUnavailableException.From($"reading {stateName} of {grainId}", ex);
        }
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        try
        {
            await inner.WriteStateAsync(stateName, grainId, grainState);
        }
        catch (Exception ex) when (Wraps(ex))
        {
            throw StorageUnavailableException.From($"writing {stateName} of {grainId}", ex);
        }
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        try
        {
            await inner.ClearStateAsync(stateName, grainId, grainState);
        }
        catch (Exception ex) when (Wraps(ex))
        {
            throw StorageUnavailableException.From($"clearing {stateName} of {grainId}", ex);
        }
    }

    private static bool Wraps(Exception ex) =>
        ex is not (InconsistentStateException or StorageUnavailableException or OutOfMemoryException or OperationCanceledException);
}
