using SupportQueue.Client.Api;
using SupportQueue.Client.Cli;

namespace SupportQueue.Client.Connection;

/// <summary>
/// Gives a command its <see cref="SupportQueueApi"/>. Connecting is deferred to the moment a
/// command needs the cluster, so argument and settings-file errors never cause any traffic.
/// </summary>
public interface ISupportQueueConnector : IAsyncDisposable
{
    Task<SupportQueueApi> ConnectAsync(ClusterCommandSettings settings, CancellationToken cancellationToken);
}
