using SupportQueue.Core.Model;

namespace SupportQueue.Grains.Tests.Routing;

/// <summary>Issue 11 defect 5: desks are always active, so asking after desks that do not exist must not leave activations behind.</summary>
[Collection(ClusterCollection.Name)]
public sealed class UnknownDeskActivationTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Client;

    [Fact]
    public async Task Asking_after_an_unknown_desk_leaves_no_activation()
    {
        var unknown = TestIds.New("nodesk");
        var refused = TestIds.New("nodesk");
        var configured = await TestIds.NewDesk(_grains);

        var ex = await Assert.ThrowsAsync<SupportQueueException>(() => _grains.Desk(unknown).GetStatus());
        Assert.Equal(RefusalCode.UnknownDesk, ex.Code);
        await Assert.ThrowsAsync<SupportQueueException>(() => _grains.Desk(refused).Configure(DeskSettings.Default with { MaxOpenTickets = -1 }));

        // Deactivation happens once the activation is idle: poll, bounded.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        HashSet<string> active;
        do
        {
            active = await ActiveDesks();
        }
        while ((active.Contains(unknown) || active.Contains(refused)) && DateTime.UtcNow < deadline);

        Assert.DoesNotContain(unknown, active);
        Assert.DoesNotContain(refused, active);
        Assert.Contains(configured, active);
    }

    private async Task<HashSet<string>> ActiveDesks()
    {
        var management = _grains.GetGrain<IManagementGrain>(0);
        var stats = await management.GetDetailedGrainStatistics();
        return [.. stats.Where(s => s.GrainType.Contains(nameof(DeskSchedulerGrain), StringComparison.Ordinal)).Select(s => s.GrainId.Key.ToString()!)];
    }
}
