using System.Text.Json;

namespace SupportQueue.Silo.Tests;

/// <summary>GET /agents/{agentId}/assignments/stream: the agent's tickets at once, then an event when it takes one.</summary>
[Collection(ApiCollection.Name)]
public sealed class AssignmentStreamTests(ApiHost host)
{
    [Fact]
    public async Task The_stream_sends_the_tickets_then_each_new_assignment()
    {
        await host.Send(HttpMethod.Put, "/desks/sse", ApiHost.DeskSettingsJson, expect: 200);
        await host.Send(HttpMethod.Put, "/agents/sse-agent", """{"deskId":"sse","tier":"L1","capacity":2}""", expect: 200);
        await host.Send(HttpMethod.Put, "/agents/sse-agent/presence/available", expect: 200);

        using var response = await host.Http.GetAsync("/agents/sse-agent/assignments/stream", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());

        var (name, first) = await SseReader.NextAsync(reader);
        Assert.Equal("assignments", name);
        Assert.Equal(0, JsonDocument.Parse(first).RootElement.GetProperty("assignments").GetArrayLength());

        await host.Send(HttpMethod.Post, "/tickets", """{"ticketId":"sse-t1","deskId":"sse","priority":"P2"}""", expect: 201);
        var (_, next) = await SseReader.NextAsync(reader);
        using var json = JsonDocument.Parse(next);
        Assert.True(json.RootElement.GetProperty("changed").GetBoolean());
        Assert.Equal("sse-t1", Assert.Single(json.RootElement.GetProperty("assignments").EnumerateArray()).GetString());
    }

    [Fact]
    public async Task An_unknown_agent_gets_a_problem_not_a_stream()
    {
        using var response = await host.Http.GetAsync("/agents/nobody-here/assignments/stream");
        Assert.Equal(404, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
