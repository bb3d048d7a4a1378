using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SupportQueue.Grains;
using SupportQueue.Hosting;
using SupportQueue.Silo;
using SupportQueue.Silo.Dashboard;
using SupportQueue.Silo.Security;

namespace SupportQueue.LoadTests.Http;

/// <summary>
/// One in-process silo (memory storage) behind the silo's own web pipeline — the composition
/// silo/Program.cs runs (<see cref="SiloWebApp"/>): API with problem details, keys, roles and the
/// per-key rate limiter, metrics on /metrics, health, the wallboard and the Orleans Dashboard (its
/// grain call profiler off, as on a silo tuned for throughput) — on a free loopback port, with an
/// HTTP client to reach it.
/// </summary>
public sealed class HttpSilo : IAsyncDisposable
{
    /// <summary>
    /// The per-key rate limit the load silo runs with: the limiter runs on every request, as in
    /// production, but one submitter key must be able to carry the whole stepped rate.
    /// </summary>
    public const int PermitsPerSecond = 1_000_000;

    private readonly WebApplication _app;

    private HttpSilo(WebApplication app, Uri address, SiloWebParts parts)
    {
        _app = app;
        Address = address;
        Parts = parts;
        Client = app.Services.GetRequiredService<IClusterClient>();
        // Enough pooled connections for every request in flight: an open-model load must never queue for a socket.
        Responses = new StatusCounter(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = 256,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseProxy = false,
            UseCookies = false,
            // The API never redirects; without the redirect handler a request is one layer less work for the load client.
            AllowAutoRedirect = false,
        });
        Http = new HttpClient(Responses)
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    public Uri Address { get; }

    public SiloWebParts Parts { get; }

    /// <summary>The silo's own cluster client (for the desk's set-up, the synthetic agents and the audit).</summary>
    public IClusterClient Client { get; }

    public HttpClient Http { get; }

    /// <summary>The web app's and silo's services (one container).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Every response <see cref="Http"/> has had, by status code.</summary>
    public StatusCounter Responses { get; }

    /// <summary>What runs in front of the endpoints, for the reports.</summary>
    public string Description => Parts == SiloWebParts.ApiOnly
        ? $"bare REST API at {Address} (no keys, rate limiter, metrics or live views)"
        : $"the silo's web pipeline at {Address} ({string.Join(", ", PartNames())}; per-key limit {PermitsPerSecond.ToString(CultureInfo.InvariantCulture)}/s)";

    /// <summary>
    /// Starts the silo and its web pipeline; <paramref name="configureSilo"/> runs after the silo's own
    /// configuration (the load runner's assignment feed and grain clock).
    /// </summary>
    public static async Task<HttpSilo> StartAsync(SiloWebParts parts, Action<ISiloBuilder>? configureSilo, CancellationToken cancellationToken)
    {
        var (siloPort, gatewayPort) = LoopbackPorts.ForSilo();
        var id = "http-" + siloPort.ToString(CultureInfo.InvariantCulture);
        var options = new SupportQueueOptions
        {
            SiloPort = siloPort,
            GatewayPort = gatewayPort,
            PrimarySiloPort = siloPort,
            ClusterId = id,
            ServiceId = id,
            // The audit reads the desk's invariants, as on the load runner's other in-process silos.
            DeskDiagnostics = true,
        };
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production, ContentRootPath = AppContext.BaseDirectory });
        // Only these settings: nothing from a working directory's appsettings.json or the environment.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [SecurityOptions.SectionName + ":Enabled"] = "true",
            [SecurityOptions.SectionName + ":PermitsPerSecond"] = PermitsPerSecond.ToString(CultureInfo.InvariantCulture),
            [SecurityOptions.SectionName + ":Burst"] = PermitsPerSecond.ToString(CultureInfo.InvariantCulture),
            // A silo tuned for throughput: the Dashboard's call profiler would time every grain call
            // (about a tenth of the CPU per ticket); keys, metrics and problem details stay on.
            [LiveDashboardOptions.SectionName + ":Profiler"] = "false",
        });
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Error);
        builder.AddSupportQueueSilo(options, parts, configureSilo);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        try
        {
            if (await app.MapSupportQueueSiloAsync(options, parts).ConfigureAwait(false) is { Count: > 0 } unguarded)
            {
                throw new InvalidOperationException("Routes without an access rule: " + string.Join(", ", unguarded));
            }

            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new HttpSilo(app, new Uri(address), parts);
    }

    /// <summary>Makes a key as <c>silo keys create</c> would (stored hashed); returns the key to present.</summary>
    public async Task<string> CreateKeyAsync(string deskId, ApiRole role, CancellationToken cancellationToken = default)
    {
        if (!Parts.HasFlag(SiloWebParts.Security))
        {
            return "";
        }

        var (keyId, key) = ApiKeys.Generate();
        await _app.Services.GetRequiredService<IApiKeyStore>()
            .AddAsync(new ApiKeyRecord(keyId, ApiKeys.Hash(key), deskId, role, null, DateTimeOffset.UtcNow, null), cancellationToken)
            .ConfigureAwait(false);
        return key;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _app.StopAsync(cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // A silo that will not stop in time is torn down below.
        }

        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private IEnumerable<string> PartNames()
    {
        yield return "problem details";
        if (Parts.HasFlag(SiloWebParts.Security))
        {
            yield return "API keys and roles, rate limiter";
        }

        if (Parts.HasFlag(SiloWebParts.Observability))
        {
            yield return "metrics on /metrics, health";
        }

        if (Parts.HasFlag(SiloWebParts.LiveViews))
        {
            yield return "wallboard, Orleans Dashboard without its call profiler";
        }
    }
}
