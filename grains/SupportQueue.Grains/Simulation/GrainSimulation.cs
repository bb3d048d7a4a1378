using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SupportQueue.Core.Simulation;

namespace SupportQueue.Grains.Simulation;

/// <summary>How grain-mode runs host their silo.</summary>
public sealed record GrainSimulationOptions
{
    /// <summary>Bound on starting (and on stopping) the embedded silo.</summary>
    public TimeSpan SiloTimeout { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Logging of the embedded silo; none by default so a CLI's console stays clean.</summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; init; }
}

/// <summary>
/// A single silo with in-memory storage whose grains run on a <see cref="VirtualClock"/>. One per
/// replication: the clock is silo-wide and only moves forward, so two replications can share
/// neither. Binds its own free loopback ports and a cluster id of its own, so it never joins, or
/// collides with, another silo on the machine.
/// </summary>
public sealed class SimulationSilo : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly TimeSpan _timeout;

    private SimulationSilo(IHost host, VirtualClock clock, TimeSpan timeout)
    {
        _host = host;
        _timeout = timeout;
        Clock = clock;
        Grains = host.Services.GetRequiredService<IGrainFactory>();
    }

    public VirtualClock Clock { get; }

    public IGrainFactory Grains { get; }

    public static async Task<SimulationSilo> StartAsync(DateTimeOffset start, GrainSimulationOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new GrainSimulationOptions();
        var clock = new VirtualClock(start);
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

/// <summary>
/// Grain mode: a scenario drives the real Ticket, Agent and DeskScheduler grains in virtual time,
/// on an embedded silo of its own per replication (see <see cref="SimulationSilo"/>).
/// </summary>
public static class GrainSimulation
{
    /// <summary>
    /// Runs one replication through the grains. For the same scenario, replication and
    /// <see cref="SimulationOptions"/> the result equals <see cref="SimulationRun.RunFast"/>'s.
    /// </summary>
    public static async Task<ReplicationResult> RunAsync(
        Scenario scenario,
        int replication,
        SimulationOptions? options = null,
        GrainSimulationOptions? hosting = null,
        IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var run = new SimulationRun(scenario, replication, options ?? new SimulationOptions { IdPrefix = IdPrefix(replication) });
        await using var silo = await SimulationSilo.StartAsync(Epoch(scenario), hosting, cancellationToken);
        return await run.RunAsync(new GrainDeskDriver(silo.Grains, silo.Clock), progress, cancellationToken);
    }

    /// <summary>Runs every replication of the scenario, one after the other (each on its own silo).</summary>
    public static async Task<IReadOnlyList<ReplicationResult>> RunAllAsync(
        Scenario scenario,
        GrainSimulationOptions? hosting = null,
        IProgress<SimulationProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        scenario.EnsureValid();
        var results = new List<ReplicationResult>(scenario.Replications);
        for (var r = 0; r < scenario.Replications; r++)
        {
            results.Add(await RunAsync(scenario, r, hosting: hosting, cancellationToken: cancellationToken));
            progress?.Report(new SimulationProgress(r + 1, scenario.Replications));
        }

        return results;
    }

    /// <summary>The id prefix grain mode gives a replication by default, so its grains are its own.</summary>
    public static string IdPrefix(int replication) => $"r{replication}-";

    /// <summary>Virtual time zero of a scenario, as <see cref="SimulationRun"/> reckons it.</summary>
    public static DateTimeOffset Epoch(Scenario scenario) =>
        new(DateTime.SpecifyKind(scenario.Start, DateTimeKind.Unspecified), TimeSpan.Zero);
}
