using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using SupportQueue.Integration.Tests.Durability;
using SupportQueue.Integration.Tests.Postgres;

namespace SupportQueue.Integration.Tests.Security;

/// <summary>
/// Keys end to end: made and revoked with <c>silo -- keys</c> in PostgreSQL, used against a real
/// silo process; desk isolation, agent identity, revocation, and the per-key rate limit.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ApiKeyEndToEndTests(PostgresServer server)
{
    private static readonly TimeSpan _patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Keys_keep_desks_apart_agents_to_themselves_and_stop_working_when_revoked()
    {
        await using var db = await server.CreateDatabaseAsync();
        var http = $"http://127.0.0.1:{PostgresServer.FreePort().ToString(CultureInfo.InvariantCulture)}";
        await using var silo = SiloProcess.Start("keys", db.ConnectionString, "keys-" + Guid.NewGuid().ToString("N")[..8], new Dictionary<string, string>
        {
            ["SupportQueue__HttpUrl"] = http,
            ["SupportQueue__Auth__CacheFor"] = "00:00:00",
        });
        using var client = new HttpClient { BaseAddress = new Uri(http), Timeout = TimeSpan.FromSeconds(20) };
        await WaitReadyAsync(client, silo);

        var adminA = await CreateKeyAsync(db.ConnectionString, "--desk", "desk-a", "--role", "admin");
        var adminB = await CreateKeyAsync(db.ConnectionString, "--desk", "desk-b", "--role", "admin");
        var submitterA = await CreateKeyAsync(db.ConnectionString, "--desk", "desk-a", "--role", "submitter");
        var agentA1 = await CreateKeyAsync(db.ConnectionString, "--desk", "desk-a", "--role", "agent", "--agent", "a1");

        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(client, null, HttpMethod.Get, "/desks/desk-a/status"));
        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(client, "sq_0000000000000000_wrong", HttpMethod.Get, "/desks/desk-a/status"));
        Assert.True(IsSuccess(await SendAsync(client, adminA.Key, HttpMethod.Put, "/desks/desk-a", "{}")));
        Assert.True(IsSuccess(await SendAsync(client, adminB.Key, HttpMethod.Put, "/desks/desk-b", "{}")));
        Assert.Equal(HttpStatusCode.Forbidden, await SendAsync(client, adminA.Key, HttpMethod.Put, "/desks/desk-b", "{}"));
        Assert.Equal(HttpStatusCode.Forbidden, await SendAsync(client, adminA.Key, HttpMethod.Get, "/desks/desk-b/status"));

        // Submitters: their desk only, tickets only.
        Assert.Equal(HttpStatusCode.Forbidden, await SendAsync(client, submitterA.Key, HttpMethod.Post, "/tickets", Ticket("t-b", "desk-b")));
        Assert.True(IsSuccess(await SendAsync(client, submitterA.Key, HttpMethod.Post, "/tickets", Ticket("t-a", "desk-a"))));
        Assert.True(IsSuccess(await SendAsync(client, submitterA.Key, HttpMethod.Get, "/tickets/t-a")));
        Assert.Equal(HttpStatusCode.Forbidden, await SendAsync(client, adminB.Key, HttpMethod.Get, "/tickets/t-a"));
        Assert.Equal(HttpStatusCode.Forbidden, await SendAsync(client, submitterA.Key, HttpMethod.Put, "/desks/desk-a", "{}"));

        // Agents: themselves only.
        Assert.True(IsSuccess(await SendAsync(client, adminA.Key, HttpMethod.Put, "/agents/a1", Agent("desk-a"))));
        Assert.True(IsSuccess(await SendAsync(client, adminA.Key, HttpMethod.Put, "/agents/a2", Agent("desk-a"))));
        Assert.Equal(HttpStatusCode.Forbidden, await SendAsync(client, adminB.Key, HttpMethod.Put, "/agents/a1", Agent("desk-b")));
        Assert.True(IsSuccess(await SendAsync(client, agentA1.Key, HttpMethod.Put, "/agents/a1/presence/Available")));
        Assert.Equal(HttpStatusCode.Forbidden, await SendAsync(client, agentA1.Key, HttpMethod.Put, "/agents/a2/presence/Available"));
        Assert.Equal(HttpStatusCode.Forbidden, await SendAsync(client, agentA1.Key, HttpMethod.Put, "/desks/desk-a", "{}"));

        // The desk's recorded history: its admin's only.
        const string export = "/desks/desk-a/export?from=2026-01-01&to=2026-01-02";
        Assert.True(IsSuccess(await SendAsync(client, adminA.Key, HttpMethod.Get, export)));
        Assert.Equal(HttpStatusCode.Forbidden, await SendAsync(client, adminB.Key, HttpMethod.Get, export));
        Assert.Equal(HttpStatusCode.Forbidden, await SendAsync(client, agentA1.Key, HttpMethod.Get, export));
        Assert.Equal(HttpStatusCode.Forbidden, await SendAsync(client, submitterA.Key, HttpMethod.Get, export));

        // Revoked: refused from then on (the cache is off here).
        Assert.Equal(0, (await RunKeysAsync(db.ConnectionString, "revoke", submitterA.Id)).ExitCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(client, submitterA.Key, HttpMethod.Get, "/tickets/t-a"));
        var list = await RunKeysAsync(db.ConnectionString, "list");
        Assert.Contains($"{submitterA.Id}  desk=desk-a  role=submitter", list.Output, StringComparison.Ordinal);
        Assert.Contains("REVOKED", list.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(submitterA.Key, list.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_over_its_rate_gets_429_with_retry_after()
    {
        var http = $"http://127.0.0.1:{PostgresServer.FreePort().ToString(CultureInfo.InvariantCulture)}";
        await using var silo = SiloProcess.Start("rate", "", "rate-" + Guid.NewGuid().ToString("N")[..8], new Dictionary<string, string>
        {
            ["SupportQueue__Storage"] = "Memory",
            ["SupportQueue__MigrateOnStart"] = "false",
            ["SupportQueue__HttpUrl"] = http,
            ["SupportQueue__Auth__Enabled"] = "true",
            ["SupportQueue__Auth__PermitsPerSecond"] = "1",
            ["SupportQueue__Auth__Burst"] = "3",
            ["Logging__LogLevel__SupportQueue.Security"] = "Warning",
        });
        using var client = new HttpClient { BaseAddress = new Uri(http), Timeout = TimeSpan.FromSeconds(20) };
        await WaitReadyAsync(client, silo);
        var key = silo.Output.Split('\n').Select(l => l.Trim()).Select(l => l[(l.LastIndexOf(' ') + 1)..]).First(w => w.StartsWith("sq_", StringComparison.Ordinal));

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 6 && limited is null; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, "/desks/desk-r") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
            request.Headers.Add("X-Api-Key", key);
            var response = await client.SendAsync(request);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited = response;
            }
            else
            {
                response.Dispose();
            }
        }

        Assert.NotNull(limited);
        using (limited)
        {
            Assert.True(int.Parse(limited.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture) >= 1);
            Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(await limited.Content.ReadAsStringAsync());
            Assert.Equal("RateLimited", problem.RootElement.GetProperty("code").GetString());
        }

        Assert.True(statuses.Count(s => s != HttpStatusCode.TooManyRequests) >= 3, string.Join(",", statuses));
    }

    private static bool IsSuccess(HttpStatusCode status) => (int)status is >= 200 and < 300;

    private static string Ticket(string id, string desk) => $$"""{"ticketId":"{{id}}","deskId":"{{desk}}","priority":"P2","skills":[]}""";

    private static string Agent(string desk) => $$"""{"deskId":"{{desk}}","tier":"L1","skills":[],"capacity":1}""";

    private static async Task<HttpStatusCode> SendAsync(HttpClient client, string? key, HttpMethod method, string path, string? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private static async Task<(string Id, string Key)> CreateKeyAsync(string connectionString, params string[] args)
    {
        var (exitCode, output) = await RunKeysAsync(connectionString, ["create", .. args]);
        Assert.True(exitCode == 0, output);
        var lines = output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var key = lines.Single(l => l.StartsWith("sq_", StringComparison.Ordinal));
        return (key.Split('_')[1], key);
    }

    private static Task<(int ExitCode, string Output)> RunKeysAsync(string connectionString, params string[] args) =>
        SiloCommand.RunAsync(
            ["keys", .. args],
            new Dictionary<string, string> { ["SupportQueue__Storage"] = "PostgreSQL", ["SupportQueue__ConnectionString"] = connectionString },
            _patience);

    // Waits on another process's start-up, which this test cannot observe any other way; bounded.
    private static async Task WaitReadyAsync(HttpClient client, SiloProcess silo)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < _patience)
        {
            Assert.False(silo.HasExited, "the silo exited:\n" + silo.Output);
            try
            {
                using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException("the silo never became ready:\n" + silo.Output);
    }
}
