using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;
using SupportQueue.Core.Model;

namespace SupportQueue.Grains.Tests.Hosting;

/// <summary>The in-process state store's ETag rules, and that the cluster's silos share it.</summary>
[Collection(ClusterCollection.Name)]
public sealed class InMemoryStorageTests(ClusterFixture fixture)
{
    private sealed class Held<T> : IGrainState<T>
    {
        [System.Diagnostics.CodeAnalysis.AllowNull]
        public T State { get; set; } = default!;

        public string? ETag { get; set; }

        public bool RecordExists { get; set; }
    }

    private IGrainStorage NewStorage(InMemoryStateStore store) =>
        new InMemoryGrainStorage(store, fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<Serializer>());

    private static GrainId Id(string key) => GrainId.Create("ticket", key);

    [Fact]
    public async Task A_write_is_read_back_as_a_copy_and_bumps_the_etag()
    {
        var store = new InMemoryStateStore();
        var storage = NewStorage(store);
        var desk = new DeskState { Settings = DeskSettings.Default };
        desk.Agents["a-1"] = new AgentSpec("a-1", "desk", "L1", [], 2);
        var written = new Held<DeskState> { State = desk };
        await storage.WriteStateAsync("desk", Id("d-1"), written);
        // A change the grain never wrote must not show in what a later activation reads.
        desk.Agents["a-2"] = new AgentSpec("a-2", "desk", "L1", [], 1);

        var read = new Held<DeskState>();
        await storage.ReadStateAsync("desk", Id("d-1"), read);

        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal(["a-1"], read.State.Agents.Keys);
        Assert.Equal(2, read.State.Agents["a-1"].Capacity);

        await storage.WriteStateAsync("desk", Id("d-1"), written);
        Assert.NotEqual(read.ETag, written.ETag);
        Assert.Equal(1, store.Count);
    }

    [Fact]
    public async Task A_stale_etag_conflicts_and_changes_nothing()
    {
        var store = new InMemoryStateStore();
        var storage = NewStorage(store);
        var first = new Held<string> { State = "first" };
        await storage.WriteStateAsync("s", Id("x"), first);
        var stale = new Held<string> { State = "stale", ETag = first.ETag };
        await storage.WriteStateAsync("s", Id("x"), first);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("s", Id("x"), stale));
        // A second activation that believes the state is new conflicts too.
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("s", Id("x"), new Held<string> { State = "new" }));

        var read = new Held<string>();
        await storage.ReadStateAsync("s", Id("x"), read);
        Assert.Equal(("first", first.ETag), (read.State, read.ETag));
    }

    [Fact]
    public async Task Clearing_keeps_the_version_so_an_older_etag_still_conflicts()
    {
        var storage = NewStorage(new InMemoryStateStore());
        var state = new Held<string> { State = "v1" };
        await storage.WriteStateAsync("s", Id("y"), state);
        var before = state.ETag;
        await storage.ClearStateAsync("s", Id("y"), state);

        var read = new Held<string>();
        await storage.ReadStateAsync("s", Id("y"), read);
        Assert.False(read.RecordExists);
        Assert.Equal(state.ETag, read.ETag);
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("s", Id("y"), new Held<string> { State = "old", ETag = before }));
        await storage.WriteStateAsync("s", Id("y"), read);
        Assert.True(read.RecordExists);
    }

    [Fact]
    public async Task The_clusters_silos_share_one_store()
    {
        // The storage each silo really uses, as the fixture configured it.
        var one = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(SupportQueueStorage.Name);
        var two = fixture.Cluster.Silos[1].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(SupportQueueStorage.Name);
        var id = Id(TestIds.New("z"));
        await one.WriteStateAsync("s", id, new Held<string> { State = "from silo 1" });

        var read = new Held<string>();
        await two.ReadStateAsync("s", id, read);
        Assert.Equal("from silo 1", read.State);
    }

    [Fact]
    public void Grain_references_by_key_match_Orleans_own()
    {
        IGrainFactory grains = fixture.Client;
        for (var i = 0; i < 2; i++)
        {
            // The first call learns the ids, the second takes the cached path: both must agree.
            Assert.Equal(grains.GetGrain<ITicketGrain>("t-" + i).GetGrainId(), grains.Ticket("t-" + i).GetGrainId());
            Assert.Equal(grains.GetGrain<IAgentGrain>("a-" + i).GetGrainId(), grains.Agent("a-" + i).GetGrainId());
            Assert.Equal(grains.GetGrain<IDeskSchedulerGrain>("d-" + i).GetGrainId(), grains.Desk("d-" + i).GetGrainId());
            Assert.Equal(((GrainReference)grains.GetGrain<ITicketGrain>("t")).InterfaceType, ((GrainReference)grains.Ticket("t")).InterfaceType);
        }
    }
}
