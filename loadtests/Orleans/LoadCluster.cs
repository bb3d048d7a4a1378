using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.TestingHost;
using SupportQueue.Hosting;
using SupportQueue.LoadTests.Http;
using SupportQueue.LoadTests.Measurement;
using SupportQueue.Silo;

namespace SupportQueue.LoadTests.Orleans;

/// <summary>
/// The cluster a run talks to: N in-process silos (each on its own loopback ports, in-memory storage,
/// grain time compressed, assignment feed installed) or an external cluster reached through a client.
/// </summary>
public sealed class LoadCluster : IAsyncDisposable
{
    private static readonly TimeSpan _startTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan _connectTimeout = TimeSpan.FromSeconds(15);

    private readonly InProcessTestCluster? _cluster;
    private readonly IHost? _clientHost;
    private readonly HttpSilo? _http;

    private LoadCluster(InProcessTestCluster cluster, AssignmentFeed feed, CompressedClock clock, string description)
    {
        _cluster = cluster;
        Client = cluster.Client;
        Feed = feed;
        GrainClock = clock;
        Description = description;
        Messages = new SiloMessageMeter();
        foreach (var silo in cluster.Silos)
        {
            Register(silo);
        }
    }

    private LoadCluster(HttpSilo http, AssignmentFeed feed, CompressedClock clock, bool submitOverHttp)
    {
        _http = http;
        SubmitsOverHttp = submitOverHttp;
        Client = http.Client;
        Feed = feed;
        GrainClock = clock;
        Description = submitOverHttp
            ? "in-process, 1 silo; tickets submitted over HTTP to " + http.Description
            : "in-process, 1 silo behind " + http.Description + "; tickets submitted through the Orleans client";
        Messages = new SiloMessageMeter();
        Messages.Register(http.Services.GetRequiredService<IMeterFactory>(), http.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress.Endpoint.ToString());
    }

    private LoadCluster(IHost clientHost, string description)
    {
        _clientHost = clientHost;
        Client = clientHost.Services.GetRequiredService<IClusterClient>();
        Description = description;
    }

    public IClusterClient Client { get; }

    /// <summary>Set when the silo runs behind its web pipeline (see <see cref="SubmitsOverHttp"/>).</summary>
    public HttpSilo? Http => _http;

    /// <summary>Customers submit with POST /tickets through <see cref="Http"/>, not through the Orleans client.</summary>
    public bool SubmitsOverHttp { get; }

    /// <summary>Null for an external cluster: assignments are then learnt by polling.</summary>
    public AssignmentFeed? Feed { get; }

    /// <summary>Null for an external cluster: its grains keep their own (real-time) clock.</summary>
    public CompressedClock? GrainClock { get; }

    public string Description { get; private set; }

    /// <summary>Messages received per silo, from Orleans' own meter; null for an external cluster (its meters live in its silo processes).</summary>
    public SiloMessageMeter? Messages { get; }

    public bool IsInProcess => _cluster is not null || _http is not null;

    public int SiloCount => _cluster?.Silos.Count(s => s.IsActive) ?? (_http is not null ? 1 : 0);

    /// <summary>Starts <paramref name="silos"/> silos in this process; grain time runs <paramref name="timeCompression"/> times real time.</summary>
    public static async Task<LoadCluster> StartInProcessAsync(int silos, double timeCompression, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(silos, 1);
        var feed = new AssignmentFeed();
        var clock = new CompressedClock(timeCompression, new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero));
        // One store for every silo of the process: a grain that moves (a silo was killed or joined)
        // finds its state, as it would in a real database.
        var store = new Grains.InMemoryStateStore();
        var builder = new InProcessTestClusterBuilder((short)silos);
        // The test host would otherwise drop a log file per silo and client into the working directory.
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) =>
        {
            Grains.SupportQueueStorage.AddSupportQueueMemoryStorage(silo, store);
            Grains.DeskDiagnosticsSiloBuilderExtensions.AddDeskDiagnostics(silo);
            silo.UseInMemoryReminderService();
            silo.Services.AddSingleton<Grains.IAssignmentObserver>(feed);
            silo.Services.AddKeyedSingleton<TimeProvider>(TimeProviderNames.Grains, clock);
            silo.Services.Configure<GrainCollectionOptions>(o => o.CollectionAge = TimeSpan.FromMinutes(2));
        });
        builder.ConfigureSiloHost((_, host) => host.Logging.SetMinimumLevel(LogLevel.Error));
        builder.ConfigureClientHost(host => host.Logging.SetMinimumLevel(LogLevel.Error));
        var cluster = builder.Build();
        try
        {
            await cluster.DeployAsync(cancellationToken).WaitAsync(_startTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await cluster.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new LoadCluster(cluster, feed, clock, $"in-process, {silos} silo(s)");
    }

    /// <summary>
    /// Starts one silo in this process behind the silo's web pipeline (<paramref name="parts"/> of it):
    /// memory storage, grain time compressed, the assignment feed installed, as <see cref="StartInProcessAsync"/>;
    /// customers submit over HTTP if <paramref name="submitOverHttp"/>, else through the silo's Orleans client.
    /// </summary>
    public static async Task<LoadCluster> StartInProcessHttpAsync(double timeCompression, SiloWebParts parts, bool submitOverHttp, CancellationToken cancellationToken)
    {
        var feed = new AssignmentFeed();
        var clock = new CompressedClock(timeCompression, new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero));
        var http = await HttpSilo.StartAsync(parts, silo =>
        {
            silo.Services.AddSingleton<Grains.IAssignmentObserver>(feed);
            silo.Services.AddKeyedSingleton<TimeProvider>(TimeProviderNames.Grains, clock);
        }, cancellationToken).WaitAsync(_startTimeout, cancellationToken).ConfigureAwait(false);
        return new LoadCluster(http, feed, clock, submitOverHttp);
    }

    /// <summary>Connects a client to a running cluster (localhost gateway or PostgreSQL clustering).</summary>
    public static async Task<LoadCluster> ConnectAsync(SupportQueueOptions options, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(client => client.UseSupportQueue(options));
        var host = builder.Build();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_connectTimeout);
        try
        {
            // WaitAsync too: a start that ignores its token must still not hang the run.
            await host.StartAsync(timeout.Token).WaitAsync(_connectTimeout + TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            host.Dispose();
            throw;
        }

        var where = options.Storage == StorageKind.PostgreSQL ? "PostgreSQL clustering" : $"gateway 127.0.0.1:{options.GatewayPort}";
        return new LoadCluster(host, $"external cluster ({where})");
    }

    /// <summary>Adds a silo to an in-process cluster; returns its address.</summary>
    public async Task<string> AddSiloAsync()
    {
        var cluster = _cluster ?? throw new InvalidOperationException("Only an in-process cluster can add silos.");
        var silo = await cluster.StartAdditionalSiloAsync().WaitAsync(_startTimeout).ConfigureAwait(false);
        Register(silo);
        return silo.SiloAddress.ToString();
    }

    /// <summary>
    /// Kills (no graceful shutdown) one of the silos present from the start that does not host
    /// <paramref name="avoidGrain"/>; returns its address.
    /// </summary>
    public async Task<string> KillSiloAsync(GrainId avoidGrain, int originalSilos)
    {
        var cluster = _cluster ?? throw new InvalidOperationException("Only an in-process cluster can kill silos.");
        var hosting = cluster.TryGetGrainContext(avoidGrain, out var context) ? context.Address.SiloAddress : null;
        var victim = cluster.Silos.Take(originalSilos).LastOrDefault(s => s.IsActive && !s.SiloAddress.Equals(hosting))
            ?? throw new InvalidOperationException("Every original silo hosts the desk; nothing to kill.");
        await cluster.KillSiloAsync(victim).WaitAsync(_startTimeout).ConfigureAwait(false);
        return victim.SiloAddress.ToString();
    }

    private void Register(InProcessSiloHandle silo) =>
        Messages?.Register(silo.ServiceProvider.GetRequiredService<IMeterFactory>(), silo.SiloAddress.Endpoint.ToString());

    public async ValueTask DisposeAsync()
    {
        Messages?.Dispose();
        if (_cluster is not null)
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _cluster.StopAllSilosAsync(cts.Token).WaitAsync(TimeSpan.FromSeconds(35)).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
            {
                // A silo that will not stop in time is torn down by DisposeAsync below.
            }

            await _cluster.DisposeAsync().ConfigureAwait(false);
        }

        if (_http is not null)
        {
            await _http.DisposeAsync().ConfigureAwait(false);
        }

        if (_clientHost is not null)
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await _clientHost.StopAsync(cts.Token).WaitAsync(TimeSpan.FromSeconds(6)).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
            {
                // Best effort: the process is about to exit.
            }

            _clientHost.Dispose();
        }
    }
}
