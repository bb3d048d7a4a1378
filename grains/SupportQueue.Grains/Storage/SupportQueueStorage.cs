using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Runtime.Hosting;

namespace SupportQueue.Grains;

/// <summary>Names the grains and the host agree on, and the in-memory storage they use by default.</summary>
public static class SupportQueueStorage
{
    /// <summary>The grain storage provider every SupportQueue grain persists through.</summary>
    public const string Name = "supportqueue";

    /// <summary>
    /// In-memory grain storage for <see cref="Name"/>: an <see cref="InMemoryStateStore"/> in this
    /// process. Hosts that run several silos in one process pass every silo the same
    /// <paramref name="store"/>, so state follows a grain from silo to silo; without one, each silo
    /// gets its own. State is stored in Orleans' binary format (every state type is
    /// [GenerateSerializer]).
    /// </summary>
    /// <param name="silo">The silo being configured.</param>
    /// <param name="store">The store shared by this process's silos; null gives the silo its own.</param>
    public static ISiloBuilder AddSupportQueueMemoryStorage(this ISiloBuilder silo, InMemoryStateStore? store = null)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.AddGrainStorage(Name, (services, _) =>
            new InMemoryGrainStorage(store ?? new InMemoryStateStore(), services.GetRequiredService<Orleans.Serialization.Serializer>()));

        // Ours replaces Orleans' facet factory whether that was registered before this call or is
        // added after it (Orleans only adds its own when none is there).
        silo.Services.RemoveAll<IPersistentStateFactory>();
        silo.Services.AddSingleton<IPersistentStateFactory, SupportQueuePersistentStateFactory>();
        return silo;
    }
}
