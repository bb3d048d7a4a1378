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
