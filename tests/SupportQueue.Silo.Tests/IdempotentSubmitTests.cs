namespace SupportQueue.Silo.Tests;

/// <summary>A submit re-sent after a lost reply gets the stored ticket; another body under the same id is 409.</summary>
[Collection(ApiCollection.Name)]
public sealed class IdempotentSubmitTests(ApiHost host)
{
    [Fact]
    public async Task The_same_ticket_sent_twice_answers_the_stored_ticket_both_times()
    {
        var body = $$"""{"ticketId":"idem-1","deskId":"{{ApiHost.Desk}}","priority":"P3","skills":["billing"],"subject":"refund"}""";
        var (_, first, firstResponse) = await host.Send(HttpMethod.Post, "/tickets", body, expect: 201);
        var (_, before, _) = await host.Send(HttpMethod.Get, $"/desks/{ApiHost.Desk}/status", expect: 200);

        var (_, again, againResponse) = await host.Send(HttpMethod.Post, "/tickets", body, expect: 201);

        Assert.Equal(firstResponse.Headers.Location, againResponse.Headers.Location);
        Assert.Equal(first.GetProperty("createdAt").GetString(), again.GetProperty("createdAt").GetString());
        Assert.Equal("idem-1", again.GetProperty("ticketId").GetString());
        var (_, after, _) = await host.Send(HttpMethod.Get, $"/desks/{ApiHost.Desk}/status", expect: 200);
        Assert.Equal(before.GetProperty("submitted").GetInt64(), after.GetProperty("submitted").GetInt64());
    }

    [Fact]
    public async Task A_retry_that_comes_after_the_ticket_was_closed_answers_the_closed_ticket_and_queues_nothing()
    {
        var body = $$"""{"ticketId":"idem-3","deskId":"{{ApiHost.Desk}}","priority":"P4","subject":"late retry"}""";
        await host.Send(HttpMethod.Post, "/tickets", body, expect: 201);
        await host.Send(HttpMethod.Post, "/tickets/idem-3/abandon", """{"reason":"gave up"}""", expect: 200);
        var (_, before, _) = await host.Send(HttpMethod.Get, $"/desks/{ApiHost.Desk}/status", expect: 200);

        var (_, again, _) = await host.Send(HttpMethod.Post, "/tickets", body, expect: 201);

        Assert.Equal("Abandoned", again.GetProperty("status").GetString());
        var (_, after, _) = await host.Send(HttpMethod.Get, $"/desks/{ApiHost.Desk}/status", expect: 200);
        Assert.Equal(before.GetProperty("submitted").GetInt64(), after.GetProperty("submitted").GetInt64());
        Assert.Equal(before.GetProperty("open").GetInt64(), after.GetProperty("open").GetInt64());
        var (_, ticket, _) = await host.Send(HttpMethod.Get, "/tickets/idem-3", expect: 200);
        Assert.Equal("Abandoned", ticket.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_different_body_under_a_used_id_is_a_conflict_that_changes_nothing()
    {
        await host.Send(HttpMethod.Post, "/tickets", $$"""{"ticketId":"idem-2","deskId":"{{ApiHost.Desk}}","priority":"P3"}""", expect: 201);
        var (_, stored, _) = await host.Send(HttpMethod.Get, "/tickets/idem-2", expect: 200);

        var (_, problem, _) = await host.Send(HttpMethod.Post, "/tickets", $$"""{"ticketId":"idem-2","deskId":"{{ApiHost.Desk}}","priority":"P1"}""", expect: 409);

        Assert.Equal("DuplicateTicket", problem.GetProperty("code").GetString());
        Assert.Equal("ticketId", problem.GetProperty("field").GetString());
        Assert.Equal("idem-2", problem.GetProperty("value").GetString());
        var (_, now, _) = await host.Send(HttpMethod.Get, "/tickets/idem-2", expect: 200);
        Assert.Equal("P3", now.GetProperty("priority").GetString());
        Assert.Equal(stored.GetProperty("history").GetArrayLength(), now.GetProperty("history").GetArrayLength());
    }
}
