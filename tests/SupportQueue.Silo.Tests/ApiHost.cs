using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SupportQueue.Grains;
using SupportQueue.Hosting;

namespace SupportQueue.Silo.Tests;

/// <summary>
/// The silo's API as it runs: a real Kestrel on a free loopback port with an in-process silo
/// (memory storage), wired by the same two calls Program.cs makes. One desk, "api", is configured
/// from the shipped desk-default.json with one agent "a1" on L1.
/// </summary>
public sealed class ApiHost : IAsyncLifetime
{
    public const string Desk = "api";

    private WebApplication? _app;

    public HttpClient Http { get; private set; } = null!;

    public WebApplication App => _app!;

    public static string DeskSettingsJson => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "desk-default.json"));

    public async Task InitializeAsync()
    {
        var (silo, gateway) = LoopbackPorts.ForSilo();
        var options = new SupportQueueOptions { SiloPort = silo, GatewayPort = gateway, PrimarySiloPort = silo, ClusterId = $"api-{silo}", ServiceId = $"api-{silo}" };
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.Logging.ClearProviders();
        builder.AddSupportQueueSilo(options, SiloWebParts.ApiOnly);

        // The export tests read records right after the tickets answer.
        builder.Services.Configure<TicketRecorderOptions>(o => o.WaitForRecorder = true);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        await _app.MapSupportQueueSiloAsync(options, SiloWebParts.ApiOnly);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Http = new HttpClient { BaseAddress = new Uri(address) };

        await Send(HttpMethod.Put, $"/desks/{Desk}", DeskSettingsJson, expect: 200);
        await Send(HttpMethod.Put, "/agents/a1", $$"""{"deskId":"{{Desk}}","tier":"L1","skills":[{"skill":"billing","proficiency":3}]}""", expect: 200);
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    /// <summary>Sends a request with an optional raw JSON body; asserts the status when <paramref name="expect"/> is given.</summary>
    public async Task<(int Status, JsonElement Body, HttpResponseMessage Response)> Send(HttpMethod method, string path, string? body = null, int? expect = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        }

        var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var json = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        if (expect is { } status)
        {
            Assert.True((int)response.StatusCode == status, $"{method} {path}: expected {status}, got {(int)response.StatusCode}: {text}");
        }

        return ((int)response.StatusCode, json, response);
    }

    /// <summary>Every route the API maps (method and template), the OpenAPI and reference pages left out.</summary>
    public IReadOnlyList<(string Method, string Route)> Routes() =>
        [.. App.Services.GetServices<EndpointDataSource>()
            .SelectMany(s => s.Endpoints)
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } t && !t.StartsWith("/openapi", StringComparison.Ordinal) && !t.StartsWith("/scalar", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (m, "/" + e.RoutePattern.RawText!.Trim('/'))))];
}
