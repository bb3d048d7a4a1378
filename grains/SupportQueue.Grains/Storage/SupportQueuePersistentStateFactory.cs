using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace SupportQueue.Grains;

/// <summary>
/// Gives grains whose storage is the in-memory store an <see cref="InMemoryPersistentState{TState}"/>;
/// every other storage (PostgreSQL included) gets Orleans' own facet.
/// </summary>
internal sealed class SupportQueuePersistentStateFactory(IActivatorProvider activators) : IPersistentStateFactory
{
    private readonly PersistentStateFactory _orleans = new();

    public IPersistentState<TState> Create<TState>(IGrainContext context, IPersistentStateConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(config);
        return !string.IsNullOrWhiteSpace(config.StorageName)
            && context.ActivationServices.GetKeyedService<IGrainStorage>(config.StorageName) is InMemoryGrainStorage storage
            ? new InMemoryPersistentState<TState>(config.StateName, context, storage, activators.GetActivator<TState>())
            : _orleans.Create<TState>(context, config);
    }
}
