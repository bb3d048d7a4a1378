using SupportQueue.Core.Model;

namespace SupportQueue.Grains.Tests.Routing;

/// <summary>Issue 11 regressions: a refused request changes nothing anywhere, and ids that cannot be stored are refused up front.</summary>
[Collection(ClusterCollection.Name)]
public sealed class RefusedChangesNothingTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Client;

    [Fact]
    public async Task Moving_an_agent_to_another_desk_is_refused_and_the_other_desk_never_sees_it()
    {
        var home = await TestIds.NewDesk(_grains);
        var other = await TestIds.NewDesk(_grains);
        var id = TestIds.New("a");
        var agent = _grains.Agent(id);
        await agent.Register(new AgentSpec(id, home, "L1", [new SkillLevel("billing", 5)], 1));
        await agent.SetPresence(Presence.Available);

        var ex = await Assert.ThrowsAsync<SupportQueueException>(() => agent.Register(new AgentSpec(id, other, "L1", [new SkillLevel("billing", 5)], 1)));

        Assert.Equal(RefusalCode.InvalidArgument, ex.Code);
        Assert.Contains($"belongs to desk '{home}'", ex.Message);
        var otherStatus = await _grains.Desk(other).GetStatus();
        Assert.All(otherStatus.Tiers, t => Assert.Equal(0, t.Available + t.OnBreak + t.Offline));

        // The other desk's work is not offered to the agent.
        var ticketId = TestIds.New("t");
        await _grains.Ticket(ticketId).Submit(new TicketSpec(ticketId, other, Priority.P3, []));
        await _grains.Desk(other).WhenIdle();
        Assert.Equal(TicketStatus.Queued, (await _grains.Ticket(ticketId).Get()).Status);
        Assert.Empty((await agent.Get()).Assignments);
        Assert.Equal(home, (await agent.Get()).DeskId);
    }

    [Theory]
    [InlineData("nul\0inside")]
    [InlineData("tab\tinside")]
    [InlineData("line\nbreak")]
    [InlineData("\u0085next-line")]
    [InlineData(null)]
    public async Task A_ticket_id_that_cannot_be_stored_is_refused_naming_the_field(string? bad)
    {
        // 129 characters: over the limit (PostgreSQL's reminder key cannot index a 4,000-character id).
        var id = bad ?? new string('x', 129);
        var desk = await TestIds.NewDesk(_grains);

        var ex = await Assert.ThrowsAsync<SupportQueueException>(() => _grains.Ticket(id).Submit(new TicketSpec(id, desk, Priority.P3, [])));

        Assert.Equal(RefusalCode.InvalidArgument, ex.Code);
        Assert.StartsWith("ticketId: ", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, (await _grains.Desk(desk).GetStatus()).Open);
    }

    [Fact]
    public async Task A_ticket_id_of_128_printable_characters_is_accepted()
    {
        var id = "é" + new string('x', 127);
        var desk = await TestIds.NewDesk(_grains);

        var ticket = await _grains.Ticket(id).Submit(new TicketSpec(id, desk, Priority.P3, []));

        Assert.Equal(id, ticket.Id);
    }
}
