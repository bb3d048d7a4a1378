using Orleans.TestingHost;

namespace SupportQueue.Grains.Tests.Cli;

/// <summary>One in-process cluster shared by the CLI end-to-end tests; each test uses its own desk id.</summary>
public sealed class CliTestCluster : IAsyncLifetime
{
    private InProcessTestCluster? _cluster;

    public IClusterClient Client => (_cluster ?? throw new InvalidOperationException("Cluster not started.")).Client;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddSupportQueueMemoryStorage();
            silo.AddDeskDiagnostics();
            silo.UseInMemoryReminderService();
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
