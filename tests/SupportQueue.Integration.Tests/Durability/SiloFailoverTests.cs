using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using SupportQueue.Core.Model;
using SupportQueue.Grains;
using SupportQueue.Hosting;
using SupportQueue.Integration.Tests.Postgres;
using Xunit.Abstractions;

namespace SupportQueue.Integration.Tests.Durability;

/// <summary>
/// Two silo processes form a cluster through the database; the one hosting the desk is killed
/// with SIGKILL while tickets flow. Separate processes run on real time, so every wait is a
/// bounded poll and the silos get short reminder and failure-detection periods through the same
/// configuration keys production uses.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class SiloFailoverTests(PostgresServer server, ITestOutputHelper output)
{
    private const string Desk = "desk-failover";
    private const int Agents = 6;
    private const int Tickets = 120;
    private const int KillAfter = 40;

    private static readonly TimeSpan _startTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan _drainTimeout = TimeSpan.FromSeconds(45);

    private static readonly Dictionary<string, string> _fastSettings = new()
    {
        ["SupportQueue__ReconcilePeriod"] = "00:00:02",
        ["SupportQueue__MinimumReminderPeriod"] = "00:00:01",
        ["SupportQueue__ProbeTimeout"] = "00:00:01",
        ["SupportQueue__MissedProbesLimit"] = "2",
    };

    [Fact]
    public async Task Acknowledged_tickets_survive_a_SIGKILL_of_the_silo_hosting_the_desk_and_none_is_held_twice()
    {
        await using var db = await server.CreateDatabaseAsync();
        const string clusterId = "failover";
        await using var siloA = SiloProcess.Start("silo-a", db.ConnectionString, clusterId, _fastSettings);
        await using var siloB = SiloProcess.Start("silo-b", db.ConnectionString, clusterId, _fastSettings);
        IHost? client = null;
        try
        {
            await WaitForActiveSilosAsync(db.ConnectionString, [siloA, siloB]);
            client = await StartClientAsync(db.ConnectionString, clusterId);
            var grains = client.Services.GetRequiredService<IClusterClient>();
            Assert.Equal(2, (await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true)).Count);

            await grains.GetGrain<IDeskSchedulerGrain>(Desk).Configure(DeskSettings.Default);
            var agentIds = Enumerable.Range(1, Agents).Select(i => $"agent-{i}").ToList();
            foreach (var id in agentIds)
            {
                await grains.GetGrain<IAgentGrain>(id).Register(new AgentSpec(id, Desk, "L1", [], 2));
                await grains.GetGrain<IAgentGrain>(id).SetPresence(Presence.Available);
            }

            using var stop = new CancellationTokenSource();
            var agentErrors = new ConcurrentQueue<string>();
            var workers = agentIds.Select(id => ResolveLoopAsync(grains, id, agentErrors, stop.Token)).ToList();

            // Several producers, so a submit stuck on the dying silo does not stop the flow.
            var acknowledged = new ConcurrentDictionary<string, Ticket>();
            var refused = new ConcurrentDictionary<string, string>();
            var next = -1;
            var killing = 0;
            var killed = new TaskCompletionSource<SiloProcess>(TaskCreationOptions.RunContinuationsAsynchronously);
            async Task ProduceAsync()
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < Tickets)
                {
                    var id = $"t-{i:000}";
                    try
                    {
                        acknowledged[id] = await grains.GetGrain<ITicketGrain>(id).Submit(new TicketSpec(id, Desk, Priority.P3, []));
                    }
                    catch (Exception ex)
                    {
                        refused[id] = ex.GetType().Name + ": " + ex.Message;
                    }

                    if (acknowledged.Count >= KillAfter && Interlocked.Exchange(ref killing, 1) == 0)
                    {
                        killed.TrySetResult(await KillDeskHostAsync(grains, siloA, siloB));
                    }
                }
            }

            await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => ProduceAsync()));
            var victim = await killed.Task.WaitAsync(TimeSpan.FromSeconds(5));
            var survivor = victim == siloA ? siloB : siloA;
            output.WriteLine($"killed {victim.Name}; {acknowledged.Count} acknowledged, {refused.Count} refused");
            Assert.True(acknowledged.Count >= Tickets / 2, $"only {acknowledged.Count} of {Tickets} submits were acknowledged: {string.Join("; ", refused.Values.Take(5))}");
            Assert.False(survivor.HasExited, survivor.Output);

            // Every acknowledged ticket is still known, and the agents on the survivor work them all off.
            await DurableCluster.WaitUntilAsync(async () =>
            {
                var open = new List<string>();
                foreach (var id in acknowledged.Keys)
                {
                    var t = await grains.GetGrain<ITicketGrain>(id).Get();
                    if (t.Status != TicketStatus.Resolved)
                    {
                        open.Add($"{id} {t.Status} {t.AgentId} [{string.Join(", ", t.History.Select(e => $"{e.Kind} {e.AgentId} {e.At:HH:mm:ss.fff}"))}]");
                    }
                }

                if (open.Count == 0)
                {
                    return (true, "");
                }

                var held = new List<string>();
                foreach (var agentId in agentIds)
                {
                    held.Add($"{agentId}: {string.Join(",", (await grains.GetGrain<IAgentGrain>(agentId).Get()).Assignments)}");
                }

                return (false, $"{open.Count} open: {string.Join("; ", open.Take(10))}; agents hold {string.Join("; ", held)}");
            }, _drainTimeout, "every acknowledged ticket to be resolved");

            await stop.CancelAsync();
            await Task.WhenAll(workers);

            foreach (var id in acknowledged.Keys)
            {
                AssertHeldAtMostOnceAtATime(await grains.GetGrain<ITicketGrain>(id).Get());
            }

            var holders = new Dictionary<string, string>();
            foreach (var id in agentIds)
            {
                var agent = await grains.GetGrain<IAgentGrain>(id).Get();
                foreach (var held in agent.Assignments)
                {
                    Assert.True(holders.TryAdd(held, id), $"{held} is held by {holders.GetValueOrDefault(held)} and {id}");
                    var ticket = await grains.GetGrain<ITicketGrain>(held).Get();
                    Assert.Equal((TicketStatus.Assigned, id), (ticket.Status, ticket.AgentId));
                }
            }

            await grains.GetGrain<IDeskSchedulerGrain>(Desk).CheckInvariants();
            output.WriteLine($"agent call errors during failover: {agentErrors.Count}");
        }
        catch
        {
            output.WriteLine(siloA.Output);
            output.WriteLine(siloB.Output);
            throw;
        }
        finally
        {
            if (client is not null)
            {
                await client.StopQuietlyAsync();
            }
        }
    }

    /// <summary>At most one Assigned between the events that end a holding (escalation, release, resolution, reopening), and resolved by its holder.</summary>
    private static void AssertHeldAtMostOnceAtATime(Ticket ticket)
    {
        string? holder = null;
        foreach (var e in ticket.History)
        {
            switch (e.Kind)
            {
                case TicketEventKind.Assigned:
                    Assert.True(holder is null, $"{ticket.Id} assigned to {e.AgentId} while {holder} held it");
                    holder = e.AgentId;
                    break;
                case TicketEventKind.Resolved:
                    Assert.Equal(holder, e.AgentId);
                    holder = null;
                    break;
                case TicketEventKind.Escalated or TicketEventKind.Released or TicketEventKind.Reopened:
                    holder = null;
                    break;
            }
        }
    }

    /// <summary>A synthetic agent: resolves whatever it holds, and shrugs off calls that fail while the cluster heals.</summary>
    internal static async Task ResolveLoopAsync(IGrainFactory grains, string agentId, ConcurrentQueue<string> errors, CancellationToken stop)
    {
        var agent = grains.GetGrain<IAgentGrain>(agentId);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                foreach (var ticketId in (await agent.Get()).Assignments)
                {
                    // One ticket that cannot be resolved must not hide the others.
                    try
                    {
                        await agent.Resolve(ticketId);
                    }
                    catch (Exception ex) when (!stop.IsCancellationRequested)
                    {
                        errors.Enqueue($"{agentId} resolving {ticketId}: {ex.GetType().Name}: {ex.Message}");
                    }
                }
            }
            catch (Exception ex) when (!stop.IsCancellationRequested)
            {
                errors.Enqueue($"{agentId}: {ex.GetType().Name}: {ex.Message}");
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static async Task<SiloProcess> KillDeskHostAsync(IClusterClient grains, SiloProcess a, SiloProcess b)
    {
        var desk = grains.GetGrain<IDeskSchedulerGrain>(Desk);
        var host = await grains.GetGrain<IManagementGrain>(0).GetActivationAddress(desk);
        var victim = host?.Endpoint.Port == b.SiloPort ? b : a;
        victim.Kill();
        return victim;
    }

    internal static async Task WaitForActiveSilosAsync(string connectionString, IReadOnlyList<SiloProcess> silos)
    {
        await DurableCluster.WaitUntilAsync(async () =>
        {
            if (silos.FirstOrDefault(s => s.HasExited) is { } dead)
            {
                Assert.Fail($"{dead.Name} exited while starting:\n{dead.Output}");
            }

            List<object?[]> rows;
            try
            {
                rows = await Sql.RowsAsync(connectionString, "SELECT port FROM orleans_membership WHERE status = 3");
            }
            catch (Npgsql.PostgresException ex) when (ex.SqlState == Npgsql.PostgresErrorCodes.UndefinedTable)
            {
                return (false, "the silos have not migrated the database yet");
            }

            var active = rows.Select(r => (int)r[0]!).ToHashSet();
            return (silos.All(s => active.Contains(s.SiloPort)), $"active silo ports {string.Join(",", active)}");
        }, _startTimeout, "both silo processes to join the cluster");
    }

    internal static async Task<IHost> StartClientAsync(string connectionString, string clusterId)
    {
        var options = OrleansTestHosts.Options(connectionString, clusterId);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleansClient(client =>
        {
            client.UseSupportQueue(options);

            // A call caught on the killed silo fails within the test's patience rather than after 30 s.
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(10));
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
}
