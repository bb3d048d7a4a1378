using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SupportQueue.Grains;
using SupportQueue.Hosting;

namespace SupportQueue.Integration.Tests.Postgres;

/// <summary>Silo and client hosts configured exactly as production does, through UseSupportQueue.</summary>
internal static class OrleansTestHosts
{
    public const string DeletingStorageName = "supportqueue-delete-on-clear";

    // Every start and stop is bounded: a client with no gateway retries forever otherwise.
    public static readonly TimeSpan StartStopTimeout = TimeSpan.FromSeconds(60);

    /// <summary>PostgreSQL options with ports of its own, so several silos can share this machine.</summary>
    public static SupportQueueOptions Options(string connectionString, string clusterId = "test")
    {
        // One allocator for the pair: two separate free-port probes may return the same port.
        var (silo, gateway) = LoopbackPorts.ForSilo();
        return new()
        {
            Storage = StorageKind.PostgreSQL,
            ConnectionString = connectionString,
            ClusterId = clusterId,
            ServiceId = clusterId,
            SiloPort = silo,
            GatewayPort = gateway,
        };
    }

    public static async Task<IHost> StartSiloAsync(SupportQueueOptions options)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleans(silo =>
        {
            silo.UseSupportQueue(options);
            silo.AddAdoNetGrainStorage(DeletingStorageName, o =>
            {
                o.Invariant = "Npgsql";
                o.ConnectionString = options.ConnectionString;
                o.DeleteStateOnClear = true;
            });

            // Production keeps Orleans' one-minute floor; tests need ticks within seconds.
            silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
        });
        var host = builder.Build();
        await StartAsync(host);
        return host;
    }

    public static async Task<IHost> StartClientAsync(SupportQueueOptions options)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleansClient(client => client.UseSupportQueue(options));
        var host = builder.Build();
        await StartAsync(host);
        return host;
    }

    public static IGrainFactory Grains(this IHost host) => host.Services.GetRequiredService<IGrainFactory>();

    public static async Task StopQuietlyAsync(this IHost host)
    {
        using var timeout = new CancellationTokenSource(StartStopTimeout);
        await host.StopAsync(timeout.Token);
        host.Dispose();
    }

    private static async Task StartAsync(IHost host)
    {
        using var timeout = new CancellationTokenSource(StartStopTimeout);
        try
        {
            await host.StartAsync(timeout.Token);
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }
}
