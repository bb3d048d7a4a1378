using SupportQueue.Core.Model;

namespace SupportQueue.Grains.Tests.Hosting;

/// <summary>
/// Stored state is keyed by grain type ("ticket/t-1"), so the declared [GrainType] names are the
/// storage identity: state written under them must be what the grains read, whatever the classes are called.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class StorageIdentityTests(ClusterFixture fixture)
{
    [Fact]
    public void References_carry_the_declared_grain_types()
    {
        var grains = fixture.Client;
        Assert.Equal("ticket", ((GrainReference)(object)grains.Ticket("t")).GrainId.Type.ToString());
        Assert.Equal("agent", ((GrainReference)(object)grains.Agent("a")).GrainId.Type.ToString());
        Assert.Equal("deskscheduler", ((GrainReference)(object)grains.Desk("d")).GrainId.Type.ToString());
    }

    [Fact]
    public async Task A_ticket_written_under_the_declared_name_is_read_by_its_grain()
    {
        var desk = await TestIds.NewDesk(fixture.Client);
        var id = TestIds.New("stored");
        var ticket = Ticket.Create(new TicketSpec(id, desk, Priority.P2, [], Subject: "written directly"), null, ClusterFixture.Start);
        await GrainStorageAccess.WriteAsync(fixture, "ticket", GrainId.Create("ticket", id), ticket);

        var read = await fixture.Client.Ticket(id).Get();

        Assert.Equal("written directly", read.Subject);
        Assert.Equal(desk, read.DeskId);
    }

    [Fact]
    public async Task An_agent_and_a_desk_written_under_the_declared_names_are_read_by_their_grains()
    {
        var deskId = TestIds.New("stored-desk");
        var settings = DeskSettings.Default;
        await GrainStorageAccess.WriteAsync(fixture, "desk", GrainId.Create("deskscheduler", deskId), new DeskState { Settings = settings });
        var agentId = TestIds.New("stored-agent");
        var agent = Agent.Create(new AgentSpec(agentId, deskId, settings.Tiers[0].Name, [], 3), settings, ClusterFixture.Start);
        await GrainStorageAccess.WriteAsync(fixture, "agent", GrainId.Create("agent", agentId), agent);

        Assert.Equal(settings.Tiers.Length, (await fixture.Client.Desk(deskId).GetSettings()).Tiers.Length);
        var read = await fixture.Client.Agent(agentId).Get();
        Assert.Equal(3, read.Capacity);
        Assert.Equal(deskId, read.DeskId);
    }
}
