using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SupportQueue.Client.Api;
using SupportQueue.Client.Cli;
using SupportQueue.Hosting;

namespace SupportQueue.Client.Connection;

/// <summary>
/// Connects a command to a real cluster, or starts an embedded silo for it. Every start is
/// bounded: an Orleans client with no silo to talk to would otherwise keep retrying.
/// </summary>
public sealed class ClusterConnector(IConfiguration configuration) : ISupportQueueConnector
{
    /// <summary>A silo start is slower than a client connect; give it room but never forever.</summary>
    private static readonly TimeSpan _embeddedStartTimeout = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan _stopTimeout = TimeSpan.FromSeconds(5);

    private IHost? _host;
    private CancellationToken _cancellation;

    public async Task<SupportQueueApi> ConnectAsync(ClusterCommandSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (_host is not null)
        {
            throw new InvalidOperationException("Already connected.");
        }

        _cancellation = cancellationToken;
        var options = ClusterOptionsResolver.Resolve(configuration, settings);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, CommandHostLifetime>();
        if (settings.Verbose)
        {
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        }

        string unavailable;
        TimeSpan timeout;
        if (settings.Embedded || (settings.EmbeddedWhenNoCluster && !settings.NamesCluster && !ClusterOptionsResolver.IsConfigured(configuration)))
        {
            var embedded = ClusterOptionsResolver.ForEmbeddedSilo(options);
            builder.UseOrleans(silo => silo.UseSupportQueue(embedded));
            timeout = _embeddedStartTimeout;
            unavailable = $"the embedded silo did not start within {timeout.TotalSeconds:0} s (ports {embedded.SiloPort}/{embedded.GatewayPort})";
        }
        else
        {
            builder.UseOrleansClient(client => client.UseSupportQueue(options));
            timeout = settings.ConnectTimeout;
            var hint = options.Storage == StorageKind.PostgreSQL
                ? "start a silo with SupportQueue__Storage=PostgreSQL, or pass --embedded"
                : "start one with `dotnet run --project silo`, or pass --embedded";
            unavailable = $"no SupportQueue cluster reachable at {ClusterOptionsResolver.Describe(options)} within {timeout.TotalSeconds:0.#} s — {hint}";
        }

        var host = builder.Build();
        _host = host;
        using var timeoutCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutCts.CancelAfter(timeout);
        try
        {
            // WaitAsync as well as the token: a start that ignores its token still cannot hang us.
            await host.StartAsync(timeoutCts.Token).WaitAsync(timeout + TimeSpan.FromSeconds(1), cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not OutOfMemoryException)
        {
            throw new ClusterUnavailableException(unavailable, ex);
        }

        return new SupportQueueApi(host.Services.GetRequiredService<IClusterClient>());
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not { } host)
        {
            return;
        }

        _host = null;
        if (_cancellation.IsCancellationRequested)
        {
            // Ctrl+C: the process is about to exit, and nothing holds it for the host at exit (see
            // CommandHostLifetime). An embedded silo's state is thrown away anyway and a client has
            // nothing to hand over; a stop here would only spend the 2 s the user was promised.
            return;
        }

        using var cts = new CancellationTokenSource(_stopTimeout);
        try
        {
            await host.StopAsync(cts.Token).WaitAsync(_stopTimeout + TimeSpan.FromSeconds(1));
            if (host is IAsyncDisposable asyncDisposable)
            {
                await asyncDisposable.DisposeAsync().AsTask().WaitAsync(_stopTimeout);
            }
            else
            {
                host.Dispose();
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or TimeoutException or OrleansException or ObjectDisposedException)
        {
            // The process is exiting; a slow or failed shutdown must not keep it alive or mask the command's result.
        }
    }
}
