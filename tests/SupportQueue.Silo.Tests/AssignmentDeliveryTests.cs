using Microsoft.Extensions.DependencyInjection;

namespace SupportQueue.Silo.Tests;

/// <summary>An agent desktop learns of new work from a long-poll that answers when the assignment happens.</summary>
[Collection(ApiCollection.Name)]
public sealed class AssignmentDeliveryTests(ApiHost host)
{
    [Fact]
    public async Task A_waiting_poll_answers_when_the_agent_takes_a_ticket()
    {
        await host.Send(HttpMethod.Put, "/desks/longpoll", ApiHost.DeskSettingsJson, expect: 200);
        await host.Send(HttpMethod.Put, "/agents/lp-agent", """{"deskId":"longpoll","tier":"L1"}""", expect: 200);
        await host.Send(HttpMethod.Put, "/agents/lp-agent/presence/available", expect: 200);

        var poll = host.Send(HttpMethod.Get, "/agents/lp-agent/assignments?wait=60");
        await host.Send(HttpMethod.Post, "/tickets", """{"ticketId":"lp-t1","deskId":"longpoll","priority":"P2"}""", expect: 201);

        var (status, body, _) = await poll;
        Assert.Equal(200, status);
        Assert.True(body.GetProperty("changed").GetBoolean());
        Assert.Equal("lp-t1", Assert.Single(body.GetProperty("assignments").EnumerateArray()).GetString());

        // Knowing it already, a poll without waiting says nothing changed.
        var (_, again, _) = await host.Send(HttpMethod.Get, "/agents/lp-agent/assignments?known=lp-t1&wait=0", expect: 200);
        Assert.False(again.GetProperty("changed").GetBoolean());
    }

    [Fact]
    public async Task A_poll_for_an_unknown_agent_leaves_nothing_behind()
    {
        var signals = host.App.Services.GetRequiredService<SupportQueue.Silo.Api.AssignmentSignals>();
        var before = signals.Listening;
        for (var i = 0; i < 20; i++)
        {
            await host.Send(HttpMethod.Get, $"/agents/lp-ghost-{i}/assignments?wait=5", expect: 404);
        }

        // Each such poll used to leave a waiter for its made-up agent for good: memory anyone could fill.
        Assert.True(signals.Listening <= before, $"{signals.Listening} waiters, {before} before");
    }
}
