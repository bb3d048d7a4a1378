using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SupportQueue.Grains;
using SupportQueue.Hosting;
using SupportQueue.Silo.Security;

namespace SupportQueue.Silo.Tests;

/// <summary>
/// The silo as Program.cs wires it (<see cref="SiloWebApp"/>) — API, metrics, keys (on, kept in memory), the wallboard and the
/// Orleans Dashboard — on a real Kestrel at a free loopback port with an in-process silo. Desk
/// "live" is configured with one L1 agent "w1", offline (so submitted tickets wait).
/// </summary>
public sealed class LiveHost : IAsyncLifetime
{
    public const string Desk = "live";

    private WebApplication? _app;

    public HttpClient Http { get; private set; } = null!;

    public Uri Address { get; private set; } = null!;

    /// <summary>A cluster admin key (desk <c>*</c>).</summary>
    public string ClusterAdminKey { get; private set; } = "";

    /// <summary>An admin key for <see cref="Desk"/> only.</summary>
    public string DeskAdminKey { get; private set; } = "";

    /// <summary>A submitter key for <see cref="Desk"/>.</summary>
    public string SubmitterKey { get; private set; } = "";

    /// <summary>An admin key for another desk.</summary>
    public string OtherDeskKey { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var (silo, gateway) = LoopbackPorts.ForSilo();
        var options = new SupportQueueOptions { SiloPort = silo, GatewayPort = gateway, PrimarySiloPort = silo, ClusterId = $"live-{silo}", ServiceId = $"live-{silo}" };
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.Logging.ClearProviders();
        builder.Configuration["SupportQueue:Auth:Enabled"] = "true";
        builder.AddSupportQueueSilo(options);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        Assert.Empty(await _app.MapSupportQueueSiloAsync(options));
        await _app.StartAsync();
        Address = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        Http = new HttpClient { BaseAddress = Address };

        ClusterAdminKey = await AddKeyAsync(ApiKeyRecord.AllDesks, ApiRole.Admin);
        DeskAdminKey = await AddKeyAsync(Desk, ApiRole.Admin);
        SubmitterKey = await AddKeyAsync(Desk, ApiRole.Submitter);
        OtherDeskKey = await AddKeyAsync("elsewhere", ApiRole.Admin);

        await Send(HttpMethod.Put, $"/desks/{Desk}", ApiHost.DeskSettingsJson, DeskAdminKey, expect: 200);
        await Send(HttpMethod.Put, "/agents/w1", $$"""{"deskId":"{{Desk}}","tier":"L1"}""", DeskAdminKey, expect: 200);
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

    private async Task<string> AddKeyAsync(string desk, ApiRole role)
    {
        var (id, key) = ApiKeys.Generate();
        await _app!.Services.GetRequiredService<IApiKeyStore>().AddAsync(new ApiKeyRecord(id, ApiKeys.Hash(key), desk, role, null, DateTimeOffset.UtcNow, null));
        return key;
    }

    /// <summary>Sends a request with an optional JSON body and key; asserts the status when <paramref name="expect"/> is given.</summary>
    public async Task<HttpResponseMessage> Send(HttpMethod method, string path, string? body = null, string? key = null, int? expect = null, AuthenticationHeaderValue? authorization = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        if (key is not null)
        {
            request.Headers.Add(ApiKeys.Header, key);
        }

        request.Headers.Authorization = authorization;
        var response = await Http.SendAsync(request);
        if (expect is { } status)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode == status, $"{method} {path}: expected {status}, got {(int)response.StatusCode}: {text}");
        }

        return response;
    }
}
