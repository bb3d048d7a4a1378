using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.Storage;
using Orleans.TestingHost;
using SupportQueue.Core.Model;
using SupportQueue.Core.Routing;

namespace SupportQueue.Grains.Tests.Hosting;

/// <summary>
/// A state write that fails (a database hiccup) must not leave the activation going on from the
/// change it could not store. One silo whose storage fails the writes it is told to.
/// </summary>
public sealed class FailedWriteTests : IAsyncLifetime
{
    private readonly InMemoryStateStore _store = new();
    private readonly WriteFaults _faults = new();
    private InProcessTestCluster _cluster = null!;

    private IGrainFactory Grains => _cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddGrainStorage(SupportQueueStorage.Name, (services, _) =>
                new FaultyStorage(_faults, new InMemoryGrainStorage(_store, services.GetRequiredService<Serializer>())));
            silo.UseInMemoryReminderService();
            silo.AddDeskDiagnostics();
            silo.Services.AddKeyedSingleton<TimeProvider>(TimeProviderNames.Grains, new FakeTimeProvider(ClusterFixture.Start));
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync().WaitAsync(TimeSpan.FromMinutes(1));
    }

    public async Task DisposeAsync()
    {
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task A_ticket_whose_assignment_was_not_stored_is_still_queued_and_the_next_offer_stores_it()
    {
        var desk = await TestIds.NewDesk(Grains);
        var id = TestIds.New("ticket");
        var ticket = Grains.Ticket(id);
        await ticket.Submit(new TicketSpec(id, desk, Priority.P3, []));

        _faults.FailNextWrite(ticket.GetGrainId());
        await Assert.ThrowsAnyAsync<Exception>(() => ticket.Assign("agent-a", "L1"));

        // Kept in memory, "held by agent-a" would answer agent-a's next offer with "already yours"
        // and never be stored.
        var after = await ticket.Get();
        Assert.Equal(TicketStatus.Queued, after.Status);
        Assert.Null(after.AgentId);

        Assert.Equal(OfferOutcome.Accepted, await ticket.Assign("agent-a", "L1"));
        var stored = Stored<Ticket>("ticket", ticket.GetGrainId());
        Assert.Equal(TicketStatus.Assigned, stored.Status);
        Assert.Equal("agent-a", stored.AgentId);
    }

    [Fact]
    public async Task An_agent_whose_presence_change_was_not_stored_still_has_the_stored_presence()
    {
        var desk = await TestIds.NewDesk(Grains);
        var id = TestIds.New("agent");
        var agent = Grains.Agent(id);
        await agent.Register(new AgentSpec(id, desk, "L1", [], 1));

        _faults.FailNextWrite(agent.GetGrainId());
        await Assert.ThrowsAnyAsync<Exception>(() => agent.SetPresence(Presence.Break));

        Assert.Equal(Presence.Offline, (await agent.Get()).Presence);
        await agent.SetPresence(Presence.Break);
        Assert.Equal(Presence.Break, Stored<Agent>("agent", agent.GetGrainId()).Presence);
    }

    [Fact]
    public async Task A_submit_whose_ticket_was_not_stored_is_refused_leaves_nothing_queued_and_a_retry_is_accepted()
    {
        var desk = await TestIds.NewDesk(Grains);
        var id = TestIds.New("ticket");
        var ticket = Grains.Ticket(id);
        var spec = new TicketSpec(id, desk, Priority.P3, []);

        _faults.FailNextWrite(ticket.GetGrainId());
        var failure = await Assert.ThrowsAsync<StorageUnavailableException>(() => ticket.Submit(spec));

        Assert.Contains("storage unavailable", failure.Message, StringComparison.Ordinal);
        Assert.Equal(RefusalCode.UnknownTicket, (await Assert.ThrowsAsync<SupportQueueException>(() => ticket.Get())).Code);
        var status = await Grains.Desk(desk).GetStatus();
        Assert.Equal(0, status.Open);
        Assert.All(status.Tiers, t => Assert.Equal(0, t.Queued + t.Offered));

        // Not "409 already open on desk": the refused attempt left nothing behind.
        var stored = await ticket.Submit(spec);
        Assert.Equal(TicketStatus.Queued, stored.Status);
        Assert.Equal(1, (await Grains.Desk(desk).GetStatus()).Open);
        await Grains.Desk(desk).CheckInvariants();
    }

    [Fact]
    public async Task A_copy_left_on_the_desk_by_a_submit_that_died_before_storing_does_not_turn_the_retry_into_a_duplicate()
    {
        var desk = await TestIds.NewDesk(Grains);
        var id = TestIds.New("ticket");
        var spec = new TicketSpec(id, desk, Priority.P3, []);

        // What a silo that died between queuing and storing leaves: the desk has it, the ticket has no record.
        await Grains.Desk(desk).Submit(spec, ClusterFixture.Start);

        var stored = await Grains.Ticket(id).Submit(spec with { Priority = Priority.P2 });
        Assert.Equal(Priority.P2, stored.Priority);
        var status = await Grains.Desk(desk).GetStatus();
        Assert.Equal(1, status.Open);
        Assert.Equal(1, status.Tiers[0].Queued);
        await Grains.Desk(desk).CheckInvariants();
    }

    [Fact]
    public async Task A_resubmit_of_a_stored_ticket_gets_the_stored_ticket_and_a_different_one_is_a_duplicate()
    {
        var desk = await TestIds.NewDesk(Grains);
        var id = TestIds.New("ticket");
        var spec = new TicketSpec(id, desk, Priority.P3, ["billing"]);
        var first = await Grains.Ticket(id).Submit(spec);

        // The caller of the first attempt may have heard an error though it was stored: its retry is answered, not refused.
        var again = await Grains.Ticket(id).Submit(spec with { Skills = ["billing"] });
        Assert.Equal((first.Id, first.CreatedAt, first.Status), (again.Id, again.CreatedAt, again.Status));
        Assert.Equal(1, (await Grains.Desk(desk).GetStatus()).Open);

        var dup = await Assert.ThrowsAsync<SupportQueueException>(() => Grains.Ticket(id).Submit(spec with { Priority = Priority.P1 }));
        Assert.Equal(RefusalCode.DuplicateTicket, dup.Code);
    }

    private T Stored<T>(string stateName, GrainId grain)
    {
        Assert.True(_store.TryGet(stateName, grain, out var entry), $"nothing stored for {grain}");
        var serializer = _cluster.Silos[0].ServiceProvider.GetRequiredService<Serializer>();
        return serializer.Deserialize<T>(entry.Payload!)!;
    }

    /// <summary>Which grains' next writes fail.</summary>
    private sealed class WriteFaults
    {
        private readonly ConcurrentDictionary<GrainId, int> _pending = new();

        public void FailNextWrite(GrainId grain) => _pending.AddOrUpdate(grain, 1, (_, n) => n + 1);

        public bool TakeFailure(GrainId grain)
        {
            while (_pending.TryGetValue(grain, out var n))
            {
                if (n == 1 ? _pending.TryRemove(KeyValuePair.Create(grain, 1)) : _pending.TryUpdate(grain, n - 1, n))
                {
                    return true;
                }
            }

            return false;
        }
    }

    private sealed class FaultyStorage(WriteFaults faults, IGrainStorage inner) : IGrainStorage
    {
        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
            inner.ReadStateAsync(stateName, grainId, grainState);

        public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
            faults.TakeFailure(grainId)
                ? throw new IOException($"injected: the write of {stateName} for {grainId} failed")
                : inner.WriteStateAsync(stateName, grainId, grainState);

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
            inner.ClearStateAsync(stateName, grainId, grainState);
    }
}
