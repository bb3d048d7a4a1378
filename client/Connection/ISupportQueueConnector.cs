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

/// <summary>Hands out an already connected grain factory; used by tests and by hosts that own a client.</summary>
public sealed class FixedConnector(IGrainFactory grains, TimeProvider? clock = null) : ISupportQueueConnector
{
    public Task<SupportQueueApi> ConnectAsync(ClusterCommandSettings settings, CancellationToken cancellationToken) =>
        Task.FromResult(new SupportQueueApi(grains, clock));

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>No cluster answered in time, or the embedded silo did not start.</summary>
public sealed class ClusterUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The cluster settings (configuration plus command-line options) are unusable.</summary>
public sealed class ClusterSettingsException(IReadOnlyList<string> errors)
    : Exception("Invalid cluster settings: " + string.Join("; ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
