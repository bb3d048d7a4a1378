using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using SupportQueue.Core.Model;
using SupportQueue.Grains;
using SupportQueue.Integration.Tests.Postgres;
using Xunit.Abstractions;

namespace SupportQueue.Integration.Tests.Durability;

/// <summary>
/// Two silo processes lose their database for a while (it refuses connections and its sessions
/// are cut, as when PostgreSQL is stopped; the shared test server itself keeps running). Submits
/// meanwhile are refused with <see cref="StorageUnavailableException"/> (the REST layer's 503) and
/// leave nothing queued; once the database is back, the refused ones are accepted on retry (no
/// "409 already open") and every acknowledged ticket is resolved.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class DatabaseOutageTests(PostgresServer server, ITestOutputHelper output)
{
    private const string Desk = "desk-outage";
    private const int Before = 20;
    private const int During = 10;

    private static readonly TimeSpan _drainTimeout = TimeSpan.FromSeconds(45);

    private static readonly Dictionary<string, string> _settings = new()
    {
        ["SupportQueue__ReconcilePeriod"] = "00:00:02",
        ["SupportQueue__MinimumReminderPeriod"] = "00:00:01",
    };

    [Fact]
    public async Task Submits_during_a_database_outage_are_refused_cleanly_leave_no_phantom_and_everything_acknowledged_resolves()
    {
        await using var db = await server.CreateDatabaseAsync();
        const string clusterId = "outage";
        await using var siloA = SiloProcess.Start("silo-a", db.ConnectionString, clusterId, _settings);
        await using var siloB = SiloProcess.Start("silo-b", db.ConnectionString, clusterId, _settings);
        Microsoft.Extensions.Hosting.IHost? client = null;
        try
        {
            await SiloFailoverTests.WaitForActiveSilosAsync(db.ConnectionString, [siloA, siloB]);
            client = await SiloFailoverTests.StartClientAsync(db.ConnectionString, clusterId);
            var grains = client.Services.GetRequiredService<IClusterClient>();
            var desk = grains.Desk(Desk);
            await desk.Configure(DeskSettings.Default);
            var acknowledged = new List<string>();
            for (var i = 0; i < Before; i++)
            {
                acknowledged.Add((await Submit(grains, $"before-{i}")).Id);
            }

            await CutDatabaseAsync(db.Name, allow: false);
            var refused = new List<string>();
            for (var i = 0; i < During; i++)
            {
                var id = $"during-{i}";
                try
                {
                    acknowledged.Add((await Submit(grains, id)).Id);
                }
                catch (Exception ex)
                {
                    // The 503-equivalent, however deep Orleans wrapped it (an activation whose read failed).
                    Assert.True(ex.ToString().Contains(nameof(StorageUnavailableException), StringComparison.Ordinal), $"{id}: {ex}");
                    refused.Add(id);
                }
            }

            Assert.NotEmpty(refused);
            await CutDatabaseAsync(db.Name, allow: true);

            // Nothing refused stayed queued: the desk counts exactly the acknowledged tickets.
            await DurableCluster.WaitUntilAsync(async () =>
            {
                try
                {
                    var open = (await desk.GetStatus()).Open;
                    return (open == acknowledged.Count, $"desk open {open}, acknowledged {acknowledged.Count}");
                }
                catch (Exception ex) when (ex is not SupportQueueException)
                {
                    return (false, ex.Message);
                }
            }, _drainTimeout, "the desk to count exactly the acknowledged tickets");
            foreach (var id in refused)
            {
                var missing = await Assert.ThrowsAsync<SupportQueueException>(() => grains.Ticket(id).Get());
                Assert.Equal(RefusalCode.UnknownTicket, missing.Code);
            }

            // A retry of a refused submit is accepted, not "already open". A pooled connection cut
            // during the outage can fail once more after it: that is a 503 again, which a client
            // retries, never a 409.
            foreach (var id in refused)
            {
                Ticket? stored = null;
                await DurableCluster.WaitUntilAsync(async () =>
                {
                    try
                    {
                        stored = await Submit(grains, id);
                        return (true, "accepted");
                    }
                    catch (Exception ex) when (ex is not SupportQueueException && ex.ToString().Contains(nameof(StorageUnavailableException), StringComparison.Ordinal))
                    {
                        return (false, ex.Message);
                    }
                }, _drainTimeout, $"the retry of {id} to be accepted");
                acknowledged.Add(stored!.Id);
            }

            var agentIds = new[] { "agent-1", "agent-2" };
            foreach (var id in agentIds)
            {
                await grains.Agent(id).Register(new AgentSpec(id, Desk, "L1", [], 3));
                await grains.Agent(id).SetPresence(Presence.Available);
            }

            using var stop = new CancellationTokenSource();
            var errors = new ConcurrentQueue<string>();
            var workers = agentIds.Select(id => SiloFailoverTests.ResolveLoopAsync(grains, id, errors, stop.Token)).ToList();
            await DurableCluster.WaitUntilAsync(async () =>
            {
                var open = 0;
                foreach (var id in acknowledged)
                {
                    open += (await grains.Ticket(id).Get()).Status == TicketStatus.Resolved ? 0 : 1;
                }

                return (open == 0, $"{open} of {acknowledged.Count} not resolved");
            }, _drainTimeout, "every acknowledged ticket to be resolved");
            await stop.CancelAsync();
            await Task.WhenAll(workers);
            await desk.CheckInvariants();
            output.WriteLine($"{acknowledged.Count} acknowledged, {refused.Count} refused during the outage then accepted");
        }
        catch
        {
            output.WriteLine(siloA.Output);
            output.WriteLine(siloB.Output);
            throw;
        }
        finally
        {
            await CutDatabaseAsync(db.Name, allow: true);
            if (client is not null)
            {
                await client.StopQuietlyAsync();
            }
        }
    }

    private static Task<Ticket> Submit(IGrainFactory grains, string id) =>
        grains.Ticket(id).Submit(new TicketSpec(id, Desk, Priority.P3, []));

    // What a stopped server looks like to the silos, for this database only: new connections are
    // refused and open sessions are cut.
    private async Task CutDatabaseAsync(string name, bool allow)
    {
        await Sql.ExecuteAsync(server.AdminConnectionString, $"ALTER DATABASE {name} ALLOW_CONNECTIONS {(allow ? "true" : "false")}");
        if (!allow)
        {
            await Sql.ExecuteAsync(server.AdminConnectionString, $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}' AND pid <> pg_backend_pid()");
        }
    }
}
