using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Storage;

namespace SupportQueue.Grains;

/// <summary>Names the grains and the host agree on, and the in-memory storage they use by default.</summary>
public static class Hosting
{
    /// <summary>The grain storage provider every SupportQueue grain persists through.</summary>
    public const string StorageName = "supportqueue";

    /// <summary>
    /// In-memory grain storage for <see cref="StorageName"/>. Memory storage still serializes every
    /// write; it uses Orleans' binary format here (every state type is [GenerateSerializer]) instead of
    /// the default JSON with type metadata, which cost ~100 KB of strings and buffers per routed
    /// ticket and made GC pauses the p99 tail of live routing.
    /// </summary>
    /// <param name="silo">The silo being configured.</param>
    public static ISiloBuilder AddSupportQueueMemoryStorage(this ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        return silo.AddMemoryGrainStorage(StorageName, (OptionsBuilder<MemoryGrainStorageOptions> options) =>
            options.Configure<Orleans.Serialization.Serializer>((o, serializer) =>
                o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer)));
    }
}
