using Microsoft.Extensions.Time.Testing;
using SupportQueue.Core.History;
using SupportQueue.Core.Model;
using SupportQueue.Grains;
using SupportQueue.Integration.Tests.Postgres;

namespace SupportQueue.Integration.Tests.Durability;

/// <summary>A desk's ticket record is in PostgreSQL: a restarted cluster exports what the old one recorded, and goes on recording.</summary>
[Collection(PostgresCollection.Name)]
public sealed class RecordingRestartTests(PostgresServer server)
{
    [Fact]
    public async Task The_record_survives_a_cluster_restart_and_a_ticket_closed_afterwards_updates_it()
    {
        await using var db = await server.CreateDatabaseAsync();
        var clock = new FakeTimeProvider(DurableCluster.Start);
        const string desk = "desk-record";
        var window = new ExportRange(DurableCluster.Start.UtcDateTime.AddHours(-1), DurableCluster.Start.UtcDateTime.AddHours(2));

        var silo = await DurableCluster.StartSiloAsync(db.ConnectionString, "record", clock);
        try
        {
            var grains = silo.Grains();
            await grains.Desk(desk).Configure(DeskSettings.Default);
            await grains.Agent("a1").Register(new AgentSpec("a1", desk, "L1", [], 2));
            await grains.Agent("a1").SetPresence(Presence.Available);
            foreach (var id in new[] { "t-resolved", "t-open" })
            {
                clock.Advance(TimeSpan.FromSeconds(1));
                await grains.Ticket(id).Submit(new TicketSpec(id, desk, Priority.P2, []));
                await grains.Desk(desk).WhenIdle();
            }

            clock.Advance(TimeSpan.FromMinutes(4));
            await grains.Agent("a1").Resolve("t-resolved");
            // A skill no agent has: it waits until its customer leaves.
            await grains.Ticket("t-left").Submit(new TicketSpec("t-left", desk, Priority.P3, ["nobody-has-this"]));
            await grains.Desk(desk).WhenIdle();
            await grains.Ticket("t-left").Abandon("gave up");
        }
        finally
        {
            // A graceful stop: buckets write what they still buffer as they deactivate.
            await silo.StopQuietlyAsync();
        }

        silo = await DurableCluster.StartSiloAsync(db.ConnectionString, "record", clock);
        try
        {
            var grains = silo.Grains();
            var before = await ExportAsync(grains, desk, window);
            Assert.Equal(["t-resolved", "t-open", "t-left"], before.Select(r => r.Id));
            Assert.Equal(
                [HistoryOutcome.Resolved, HistoryOutcome.Open, HistoryOutcome.Abandoned],
                before.Select(r => r.Outcome));
            // Taken at its submit (second 1); the next submit moved the clock a second, then four minutes passed.
            Assert.Equal(4 + (1 / 60.0), before[0].HandlingAt("L1")!.Value, 6);

            // After the restart the open ticket's agent comes back with it and resolves it; the record follows.
            await grains.Agent("a1").SetPresence(Presence.Available);
            clock.Advance(TimeSpan.FromMinutes(1));
            await grains.Agent("a1").Resolve("t-open");
            var after = await ExportAsync(grains, desk, window);
            var closed = Assert.Single(after, r => r.Id == "t-open");
            Assert.Equal(HistoryOutcome.Resolved, closed.Outcome);
            Assert.Equal(3, after.Count);
        }
        finally
        {
            await silo.StopQuietlyAsync();
        }
    }

    private static async Task<List<TicketHistoryRecord>> ExportAsync(IGrainFactory grains, string desk, ExportRange window)
    {
        var records = new List<TicketHistoryRecord>();
        await foreach (var record in DeskHistoryExport.ReadAsync(grains, desk, window))
        {
            records.Add(record);
        }

        return records;
    }
}
