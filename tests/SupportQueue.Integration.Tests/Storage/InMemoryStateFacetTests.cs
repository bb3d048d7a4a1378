using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Storage;
using SupportQueue.Grains;
using SupportQueue.Hosting;
using SupportQueue.Integration.Tests.Postgres;

namespace SupportQueue.Integration.Tests.Storage;

/// <summary>
/// The embedded default's state facet: grains on the in-memory store read and write it in their
/// own turn, with the same ETags, copies and conflicts as through Orleans' facet.
/// </summary>
public sealed class InMemoryStateFacetTests : IAsyncLifetime
{
    private IHost _silo = null!;

    private IGrainFactory Grains => _silo.Services.GetRequiredService<IGrainFactory>();

    public async Task InitializeAsync()
    {
        var (siloPort, gatewayPort) = LoopbackPorts.ForSilo();
        var options = new SupportQueueOptions { SiloPort = siloPort, GatewayPort = gatewayPort, PrimarySiloPort = siloPort, ClusterId = "facet", ServiceId = "facet" };
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleans(silo => silo.UseSupportQueue(options));
        _silo = builder.Build();
        using var timeout = new CancellationTokenSource(OrleansTestHosts.StartStopTimeout);
        await _silo.StartAsync(timeout.Token);
    }

    public Task DisposeAsync() => _silo.StopQuietlyAsync();

    [Fact]
    public async Task Grains_on_the_memory_store_get_the_direct_facet()
    {
        Assert.Equal("InMemoryPersistentState`1", await Grains.GetGrain<IStoredTextGrain>("facet").Facet());
    }

    [Fact]
    public async Task Writes_and_clears_move_the_etag_on_and_a_new_activation_reads_them_back()
    {
        var grain = Grains.GetGrain<IStoredTextGrain>("kept");
        Assert.Equal(new StateSnapshot(null, null, false), await grain.Read());
        Assert.Equal(new StateSnapshot("one", "1", true), await grain.Write("one"));
        Assert.Equal(new StateSnapshot("two", "2", true), await grain.Write("two"));

        await grain.Deactivate();
        Assert.Equal(new StateSnapshot("two", "2", true), await grain.Read());

        Assert.Equal(new StateSnapshot(null, "3", false), await grain.Clear());
        await grain.Deactivate();
        Assert.Equal(new StateSnapshot(null, "3", false), await grain.Read());
        Assert.Equal(new StateSnapshot("again", "4", true), await grain.Write("again"));
    }

    [Fact]
    public async Task A_write_behind_the_grains_back_makes_its_next_write_conflict_and_stores_nothing()
    {
        var grain = Grains.GetGrain<IStoredTextGrain>("contested");
        await grain.Write("mine");

        // Someone else writes the same state (as a second activation would).
        var storage = _silo.Services.GetRequiredKeyedService<IGrainStorage>(SupportQueueStorage.Name);
        var other = new GrainState<TextState>(new TextState { Text = "theirs" }) { ETag = "1" };
        await storage.WriteStateAsync("text", grain.GetGrainId(), other);

        await Assert.ThrowsAsync<InconsistentStateException>(() => grain.Write("lost"));
        var stored = new GrainState<TextState>();
        await storage.ReadStateAsync("text", grain.GetGrainId(), stored);
        Assert.Equal(("theirs", "2"), (stored.State?.Text, stored.ETag));
    }
}
