using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using SupportQueue.Integration.Tests.Durability;
using SupportQueue.Integration.Tests.Postgres;
using SupportQueue.LoadTests.Postgres;

namespace SupportQueue.Integration.Tests.Observability;

/// <summary>
/// A real silo process on its own throwaway PostgreSQL server (its own, because the test stops it):
/// domain metrics show on /metrics after a submit, and readiness flips to 503 when the database goes.
/// </summary>
public sealed class ObservabilityEndpointTests
{
    private static readonly TimeSpan _patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Metrics_follow_a_submit_and_readiness_flips_when_the_database_stops()
    {
        var postgres = await ThrowawayPostgres.StartAsync($"or set {PostgresServer.ExternalServerVariable}");
        await using var stopPostgres = postgres;
        var http = $"http://127.0.0.1:{PostgresServer.FreePort().ToString(CultureInfo.InvariantCulture)}";
        await using var silo = SiloProcess.Start("obs", postgres.ConnectionString, "obs-" + Guid.NewGuid().ToString("N")[..8],
            // Keys are another test's subject (ApiKeyEndToEndTests); here they are off.
            new Dictionary<string, string> { ["SupportQueue__HttpUrl"] = http, ["SupportQueue__Auth__Enabled"] = "false" });
        using var client = new HttpClient { BaseAddress = new Uri(http), Timeout = TimeSpan.FromSeconds(20) };

        var ready = await PollAsync(client, "/health/ready", HttpStatusCode.OK, silo);
        Assert.Contains("\"postgresql\"", ready, StringComparison.Ordinal);
        Assert.Contains("\"cluster-membership\"", ready, StringComparison.Ordinal);

        const string desk = "desk-obs";
        var before = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.DoesNotContain($"desk=\"{desk}\"", before, StringComparison.Ordinal);
        using (var configure = await client.PutAsync(new Uri($"/desks/{desk}", UriKind.Relative), Json("{}")))
        {
            Assert.True(configure.IsSuccessStatusCode, $"{configure.StatusCode}\n{silo.Output}");
        }

        using (var submit = await client.PostAsync(new Uri("/tickets", UriKind.Relative), Json($$"""{"ticketId":"t-obs-1","deskId":"{{desk}}","priority":"P2","skills":[]}""")))
        {
            Assert.True(submit.IsSuccessStatusCode, $"{submit.StatusCode}\n{silo.Output}");
        }

        var after = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Contains($"supportqueue_tickets_submitted_total{{otel_scope_name=\"SupportQueue\",otel_scope_version=\"1.0\",desk=\"{desk}\",priority=\"P2\",tier=\"L1\"}} 1", after, StringComparison.Ordinal);
        Assert.Contains("orleans_", after, StringComparison.Ordinal);

        await postgres.DisposeAsync();
        using var notReady = await PollResponseAsync(client, "/health/ready", HttpStatusCode.ServiceUnavailable, silo);
        Assert.Equal("5", notReady.Headers.GetValues("Retry-After").Single());
        Assert.Contains("PostgreSQL does not answer", await notReady.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<string> PollAsync(HttpClient client, string path, HttpStatusCode wanted, SiloProcess silo)
    {
        using var response = await PollResponseAsync(client, path, wanted, silo);
        return await response.Content.ReadAsStringAsync();
    }

    // Waits on another process's state, which this test cannot observe any other way; bounded.
    private static async Task<HttpResponseMessage> PollResponseAsync(HttpClient client, string path, HttpStatusCode wanted, SiloProcess silo)
    {
        var clock = Stopwatch.StartNew();
        var last = "no answer yet";
        while (clock.Elapsed < _patience)
        {
            Assert.False(silo.HasExited, "the silo exited:\n" + silo.Output);
            try
            {
                var response = await client.GetAsync(new Uri(path, UriKind.Relative));
                if (response.StatusCode == wanted)
                {
                    return response;
                }

                last = $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}";
                response.Dispose();
            }
            catch (HttpRequestException ex)
            {
                last = ex.Message;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"{path} never answered {wanted}; last: {last}\n{silo.Output}");
    }
}
