using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Orleans.Reminders;
using SupportQueue.Grains;
using SupportQueue.Hosting;
using SupportQueue.Integration.Tests.Postgres;

namespace SupportQueue.Integration.Tests.Durability;

/// <summary>
/// One in-process silo on a test database, configured as production does (UseSupportQueue,
/// PostgreSQL), with grain time on a <see cref="FakeTimeProvider"/> that outlives the silo, so a
/// restarted cluster continues the same virtual timeline. Reminders tick on real time unless a
/// clock is given for them too.
/// </summary>
internal static class DurableCluster
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    /// <summary>Short enough that a restarted desk gets its waiting tickets back within seconds.</summary>
    public static readonly TimeSpan ReconcilePeriod = TimeSpan.FromSeconds(1);

    public static async Task<IHost> StartSiloAsync(string connectionString, string clusterId, FakeTimeProvider grainClock, TimeProvider? reminderClock = null)
    {
        var options = OrleansTestHosts.Options(connectionString, clusterId);
        options.MigrateOnStart = true;
        options.ReconcilePeriod = ReconcilePeriod;
        options.MinimumReminderPeriod = ReconcilePeriod;
        options.DeskDiagnostics = true;

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleans(silo =>
        {
            silo.UseSupportQueue(options);
            silo.Services.AddKeyedSingleton<TimeProvider>(TimeProviderNames.Grains, grainClock);

            // The recording tests export right after the tickets answer.
            silo.Services.Configure<TicketRecorderOptions>(o => o.WaitForRecorder = true);
            if (reminderClock is not null)
            {
                silo.Services.AddKeyedSingleton(ReminderTimeProviderNames.Reminders, reminderClock);
            }
        });
        var host = builder.Build();
        using var timeout = new CancellationTokenSource(OrleansTestHosts.StartStopTimeout);
        try
        {
            await host.StartAsync(timeout.Token);
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return host;
    }

    /// <summary>Polls <paramref name="probe"/> until it returns true; fails with <paramref name="what"/> and the last observation after <paramref name="timeout"/>.</summary>
    public static async Task WaitUntilAsync(Func<Task<(bool Done, string Observed)>> probe, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        var observed = "";
        while (DateTime.UtcNow < deadline)
        {
            bool done;
            (done, observed) = await probe();
            if (done)
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"Timed out after {timeout} waiting for {what}; last seen: {observed}");
    }

    public static SupportQueueGrainOptions GrainOptions(this IHost silo) =>
        silo.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SupportQueueGrainOptions>>().Value;
}
