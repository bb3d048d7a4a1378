using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace SupportQueue.Silo.Tests;

/// <summary>Who may open the Orleans Dashboard and a desk's wallboard, with keys on.</summary>
[Collection(LiveCollection.Name)]
public sealed class LiveViewAccessTests(LiveHost host)
{
    [Fact]
    public async Task The_dashboard_takes_a_cluster_admin_key()
    {
        using var none = await host.Send(HttpMethod.Get, "/dashboard", expect: 401);
        Assert.StartsWith("Basic ", none.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        await host.Send(HttpMethod.Get, "/dashboard", key: "sq_0000000000000000_wrong", expect: 401);

        // A desk's admin is no cluster admin: the dashboard shows every desk's grains.
        await host.Send(HttpMethod.Get, "/dashboard", key: host.DeskAdminKey, expect: 403);

        using var page = await host.Send(HttpMethod.Get, "/dashboard", key: host.ClusterAdminKey, expect: 200);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);

        // A browser sends the key as the Basic password, after the challenge above. (The page's
        // address ends in a slash: HttpClient, unlike a browser, drops credentials on a redirect.)
        var landing = page.RequestMessage!.RequestUri!.AbsolutePath;
        var basic = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("ops:" + host.ClusterAdminKey)));
        await host.Send(HttpMethod.Get, landing, authorization: basic, expect: 200);
        var wrong = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("ops:" + host.DeskAdminKey)));
        await host.Send(HttpMethod.Get, landing, authorization: wrong, expect: 403);
    }

    [Fact]
    public async Task The_wallboard_page_is_open_but_its_figures_take_a_key_for_the_desk()
    {
        using var page = await host.Send(HttpMethod.Get, $"/wallboard/{LiveHost.Desk}", expect: 200);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("default-src 'none'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        var html = await page.Content.ReadAsStringAsync();
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);

        await host.Send(HttpMethod.Get, $"/wallboard/{LiveHost.Desk}/data", expect: 401);
        await host.Send(HttpMethod.Get, $"/wallboard/{LiveHost.Desk}/events", expect: 401);
        await host.Send(HttpMethod.Get, $"/wallboard/{LiveHost.Desk}/data", key: host.OtherDeskKey, expect: 403);
        await host.Send(HttpMethod.Get, "/wallboard/nowhere/data", key: host.ClusterAdminKey, expect: 404);

        using var data = await host.Send(HttpMethod.Get, $"/wallboard/{LiveHost.Desk}/data", key: host.SubmitterKey, expect: 200);
        using var json = JsonDocument.Parse(await data.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal(LiveHost.Desk, root.GetProperty("deskId").GetString());
        Assert.Equal(0.8, root.GetProperty("serviceLevelTarget").GetDouble());
        Assert.Equal(["L1", "L2", "L3"], root.GetProperty("tiers").EnumerateArray().Select(t => t.GetProperty("tier").GetString()));
        Assert.Equal("All", root.GetProperty("total").GetProperty("tier").GetString());
        Assert.Equal(1, root.GetProperty("total").GetProperty("offline").GetInt32());
    }

    [Fact]
    public async Task The_wallboard_stream_sends_the_figures_as_server_sent_events()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/wallboard/{LiveHost.Desk}/events");
        request.Headers.Add("X-Api-Key", host.DeskAdminKey);
        using var response = await host.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var (name, data) = await SseReader.NextAsync(reader);
        Assert.Equal("wallboard", name);
        using var json = JsonDocument.Parse(data);
        Assert.Equal(LiveHost.Desk, json.RootElement.GetProperty("deskId").GetString());
        Assert.Equal(3, json.RootElement.GetProperty("tiers").GetArrayLength());
    }
}
