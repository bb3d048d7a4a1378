using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace SupportQueue.Grains.Simulation;

/// <summary>
/// A single silo with in-memory storage whose grains run on a <see cref="FakeTimeProvider"/>, which
/// stands still until the driver sets it (grain mode only reads and sets it: the desks' deadline
/// timer is off and Orleans' own timers keep real time). One per
/// replication: the clock is silo-wide and only moves forward, so two replications can share
/// neither. Binds its own free loopback ports and a cluster id of its own, so it never joins, or
/// collides with, another silo on the machine.
/// </summary>
public sealed class SimulationSilo : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly TimeSpan _timeout;

    private SimulationSilo(IHost host, FakeTimeProvider clock, TimeSpan timeout)
    {
        _host = host;
        _timeout = timeout;
        Clock = clock;
        Grains = host.Services.GetRequiredService<IGrainFactory>();
    }

    public FakeTimeProvider Clock { get; }

    public IGrainFactory Grains { get; }

    public static async Task<SimulationSilo> StartAsync(DateTimeOffset start, GrainSimulationOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new GrainSimulationOptions();
        var clock = new FakeTimeProvider(start);
        var id = "supportqueue-sim-" + Guid.NewGuid().ToString("N");
        var (siloPort, gatewayPort) = LoopbackPorts.ForSilo();
        var host = new HostBuilder()
            .ConfigureLogging(logging =>
            {
                logging.ClearProviders();
                options.ConfigureLogging?.Invoke(logging);
            })
            .UseOrleans(silo =>
            {
                silo.UseLocalhostClustering(siloPort, gatewayPort, serviceId: id, clusterId: id);
                silo.AddSupportQueueMemoryStorage();
                silo.AddDeskDiagnostics();
                silo.UseInMemoryReminderService();
                silo.Services.AddKeyedSingleton<TimeProvider>(TimeProviderNames.Grains, clock);

                // A run's records are exported as soon as it ends (record and replay): every one must be in.
                silo.Services.Configure<TicketRecorderOptions>(o => o.WaitForRecorder = true);

                // One offer at a time, in the engine's order: the journal then matches fast mode exactly.
                // No deadline timer: the driver applies every deadline itself (see DeadlineTimer).
                silo.Services.Configure<SupportQueueGrainOptions>(o =>
                {
                    o.MaxOffersInFlight = 1;
                    o.DeadlineTimer = false;
                });
            })
            .Build();
        try
        {
            await host.StartAsync(cancellationToken).WaitAsync(options.SiloTimeout, cancellationToken);
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return new SimulationSilo(host, clock, options.SiloTimeout);
    }

    public async ValueTask DisposeAsync()
    {
        using var cts = new CancellationTokenSource(_timeout);
        try
        {
            await _host.StopAsync(cts.Token);
        }
        finally
        {
            _host.Dispose();
        }
    }
}
