using System.Text.Json;

namespace SupportQueue.Silo.Tests;

/// <summary>
/// Desk isolation against bodies and ids a careless or hostile caller sends, with keys on: the key
/// check must see every desk the endpoint acts on, and a bad id is a 400 problem, not a 500.
/// </summary>
[Collection(LiveCollection.Name)]
public sealed class KeyIsolationTests(LiveHost host)
{
    private const string Other = "elsewhere";

    // The endpoints read SupportQueueJson's dialect, which skips comments and allows trailing
    // commas and a byte order mark; the key check must read the desk from such a body too.
    public static TheoryData<string, string> Dialect => new()
    {
        { "comment", $$"""{"ticketId":"iso-1",/* c */"deskId":"{{Other}}","priority":"P2"}""" },
        { "trailing comma", $$"""{"ticketId":"iso-2","deskId":"{{Other}}","priority":"P2",}""" },
        { "byte order mark", "\uFEFF" + $$"""{"ticketId":"iso-3","deskId":"{{Other}}","priority":"P2"}""" },
    };

    [Theory]
    [MemberData(nameof(Dialect))]
    public async Task A_submitter_cannot_submit_to_another_desk_whatever_the_body_looks_like(string how, string body)
    {
        await host.Send(HttpMethod.Put, $"/desks/{Other}", ApiHost.DeskSettingsJson, host.OtherDeskKey, expect: 200);
        var ticketId = JsonDocument.Parse(body.TrimStart('\uFEFF'), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })
            .RootElement.GetProperty("ticketId").GetString();

        using var refused = await host.Send(HttpMethod.Post, "/tickets", body, host.SubmitterKey);
        Assert.True(refused.StatusCode == System.Net.HttpStatusCode.Forbidden, $"{how}: {(int)refused.StatusCode} {await refused.Content.ReadAsStringAsync()}");
        await host.Send(HttpMethod.Get, $"/tickets/{ticketId}", key: host.ClusterAdminKey, expect: 404);
    }

    [Fact]
    public async Task A_desk_admin_cannot_register_an_agent_on_another_desk_behind_a_comment()
    {
        await host.Send(HttpMethod.Put, $"/desks/{Other}", ApiHost.DeskSettingsJson, host.OtherDeskKey, expect: 200);

        await host.Send(HttpMethod.Put, "/agents/iso-spy", $$"""{"deskId":"{{Other}}",/* c */"tier":"L1"}""", host.DeskAdminKey, expect: 403);
        await host.Send(HttpMethod.Get, "/agents/iso-spy", key: host.ClusterAdminKey, expect: 404);
    }

    // The key check looks up the desk of the ticket or agent a route names; an id the endpoint
    // refuses must reach the endpoint's 400, not fail in that lookup.
    [Theory]
    [InlineData("GET", "/tickets/%20", "ticketId")]
    [InlineData("GET", "/agents/%20%20", "agentId")]
    [InlineData("POST", "/agents/w1/tickets/%09%20/resolve", "ticketId")]
    public async Task A_blank_id_is_a_problem_naming_it_with_keys_on(string method, string path, string field)
    {
        using var response = await host.Send(new HttpMethod(method), path, key: host.ClusterAdminKey);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == 400, $"{method} {path}: {(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(field, JsonDocument.Parse(text).RootElement.GetProperty("field").GetString());
    }

    // With keys on, the key check reads a submit's body for its desk; one over the API's limit is
    // refused by the endpoint unread, with the documented limit, not buffered up to Kestrel's.
    [Fact]
    public async Task A_body_over_the_limit_is_refused_with_the_api_limit_with_keys_on()
    {
        var body = $$"""{"ticketId":"iso-big","deskId":"{{LiveHost.Desk}}","priority":"P2","subject":"{{new string('s', 1_100_000)}}"}""";
        using var response = await host.Send(HttpMethod.Post, "/tickets", body, host.SubmitterKey);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == 413, $"{(int)response.StatusCode} {text}");
        Assert.Contains("65536 bytes", JsonDocument.Parse(text).RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    // 401 and 403 name what was wrong like every other refusal: a stable code, and the header or
    // the desk the key may not act on. A key, even a wrong one, is never echoed.
    [Theory]
    [InlineData(null, 401, "ApiKeyRequired", "X-Api-Key", null)]
    [InlineData("sq_0000000000000000_wrong", 401, "ApiKeyInvalid", "X-Api-Key", null)]
    [InlineData("desk", 403, "Forbidden", "deskId", Other)]
    public async Task A_key_refusal_has_a_code_and_names_the_field(string? which, int status, string code, string field, string? value)
    {
        var key = which == "desk" ? host.DeskAdminKey : which;
        using var response = await host.Send(HttpMethod.Get, $"/desks/{Other}/status", key: key);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"{(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.Equal(value, problem.GetProperty("value").GetString());
        Assert.DoesNotContain("wrong", text, StringComparison.Ordinal);
    }
}
