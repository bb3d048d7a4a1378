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
}
