using SupportQueue.Client.Api;
using SupportQueue.Client.Cli;

namespace SupportQueue.Client.Connection;

/// <summary>Hands out an already connected grain factory; used by tests and by hosts that own a client.</summary>
public sealed class FixedConnector(IGrainFactory grains, TimeProvider? clock = null) : ISupportQueueConnector
{
    public Task<SupportQueueApi> ConnectAsync(ClusterCommandSettings settings, CancellationToken cancellationToken) =>
        Task.FromResult(new SupportQueueApi(grains, clock));

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
