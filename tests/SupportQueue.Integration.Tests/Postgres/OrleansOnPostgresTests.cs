using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SupportQueue.Hosting.Database;

namespace SupportQueue.Integration.Tests.Postgres;

/// <summary>Real silos and clients configured through UseSupportQueue against a migrated database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class OrleansOnPostgresTests(PostgresServer server)
{
    private static readonly TimeSpan _reminderTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Grain_state_survives_a_restart_of_the_whole_cluster()
    {
        await using var db = await server.CreateDatabaseAsync();
        var options = OrleansTestHosts.Options(db.ConnectionString);

        // No explicit PrepareAsync: the silo's own start-up gate applies the schema.
        options.MigrateOnStart = true;

        var silo = await OrleansTestHosts.StartSiloAsync(options);
        try
        {
            var kept = silo.Grains().GetGrain<IStoredTextGrain>("kept");
            Assert.Equal(new StateSnapshot(null, null, false), await kept.Read());
            // PostgreSQL keeps Orleans' own facet (its queue serializes a grain's storage calls).
            Assert.NotEqual("InMemoryPersistentState`1", await kept.Facet());
            Assert.Equal(new StateSnapshot("one", "1", true), await kept.Write("one"));
            Assert.Equal(new StateSnapshot("two", "2", true), await kept.Write("two"));

            // Clear keeps the row (payload NULL) and moves the version on; a write after it updates.
            var cleared = silo.Grains().GetGrain<IStoredTextGrain>("cleared");
            await cleared.Write("doomed");
            Assert.Equal(new StateSnapshot(null, "2", false), await cleared.Clear());
            Assert.Equal(new StateSnapshot("reborn", "3", true), await cleared.Write("reborn"));
            Assert.Equal(new StateSnapshot(null, "4", false), await cleared.Clear());

            // DeleteStateOnClear=true removes the row, and the next write inserts afresh.
            var deleted = silo.Grains().GetGrain<IDeletedOnClearGrain>("deleted");
            await deleted.Write("x");
            Assert.Equal(new StateSnapshot(null, null, false), await deleted.Clear());
            Assert.Equal(0L, await Sql.ScalarAsync(db.ConnectionString, "SELECT count(*) FROM orleans_storage WHERE graintypestring = 'deletable'"));
            Assert.Equal(new StateSnapshot("y", "1", true), await deleted.Write("y"));
        }
        finally
        {
            await silo.StopQuietlyAsync();
        }

        // A new silo process: new ports, same database; it must read everything back.
        var restarted = OrleansTestHosts.Options(db.ConnectionString);
        silo = await OrleansTestHosts.StartSiloAsync(restarted);
        try
        {
            Assert.Equal(new StateSnapshot("two", "2", true), await silo.Grains().GetGrain<IStoredTextGrain>("kept").Read());
            Assert.Equal(new StateSnapshot(null, "4", false), await silo.Grains().GetGrain<IStoredTextGrain>("cleared").Read());
            Assert.Equal(new StateSnapshot("y", "1", true), await silo.Grains().GetGrain<IDeletedOnClearGrain>("deleted").Read());
        }
        finally
        {
            await silo.StopQuietlyAsync();
        }
    }

    [Fact]
    public async Task A_silo_on_an_unmigrated_database_stops_at_once_with_the_advice()
    {
        await using var db = await server.CreateDatabaseAsync();
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => OrleansTestHosts.StartSiloAsync(OrleansTestHosts.Options(db.ConnectionString)));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
        var notReady = Assert.IsType<DatabaseNotReadyException>(Unwrap(error));
        Assert.Equal(DatabaseProblem.SchemaMissing, notReady.Problem);
        Assert.Contains(DatabaseCheck.MigrateCommand, notReady.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_on_an_unmigrated_database_is_told_what_to_do_and_does_not_hang()
    {
        await using var db = await server.CreateDatabaseAsync();
        var options = OrleansTestHosts.Options(db.ConnectionString);
        var clock = Stopwatch.StartNew();

        var notReady = await Assert.ThrowsAsync<DatabaseNotReadyException>(() => PostgresStartup.VerifyAsync(options));
        Assert.Equal(DatabaseProblem.SchemaMissing, notReady.Problem);

        // Even a client process that skipped the check must fail rather than retry forever.
        await Assert.ThrowsAnyAsync<Exception>(() => OrleansTestHosts.StartClientAsync(options));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Reminder_fires_and_is_reloaded_from_the_database_by_a_new_cluster()
    {
        await using var db = await server.CreateDatabaseAsync();
        await PostgresMigrator.MigrateAsync(db.ConnectionString);
        var key = "reminder-" + Guid.NewGuid().ToString("N");

        var silo = await OrleansTestHosts.StartSiloAsync(OrleansTestHosts.Options(db.ConnectionString));
        try
        {
            var fired = ReminderTestGrain.Fired(key);
            await silo.Grains().GetGrain<IReminderTestGrain>(key).Register(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
            await fired.WaitAsync(_reminderTimeout);
            Assert.Equal(1L, await Sql.ScalarAsync(db.ConnectionString, "SELECT count(*) FROM orleans_reminders"));
        }
        finally
        {
            await silo.StopQuietlyAsync();
        }

        // Nobody touches the grain now: only the reminder table can bring it back to life.
        ReminderTestGrain.Reset(key);
        var again = ReminderTestGrain.Fired(key);
        silo = await OrleansTestHosts.StartSiloAsync(OrleansTestHosts.Options(db.ConnectionString));
        try
        {
            await again.WaitAsync(_reminderTimeout);
            await silo.Grains().GetGrain<IReminderTestGrain>(key).Unregister();
            Assert.Equal(0L, await Sql.ScalarAsync(db.ConnectionString, "SELECT count(*) FROM orleans_reminders"));
        }
        finally
        {
            await silo.StopQuietlyAsync();
        }
    }

    [Fact]
    public async Task Two_silos_and_a_client_find_each_other_through_the_database()
    {
        await using var db = await server.CreateDatabaseAsync();
        await PostgresMigrator.MigrateAsync(db.ConnectionString);
        var first = OrleansTestHosts.Options(db.ConnectionString);
        var second = OrleansTestHosts.Options(db.ConnectionString);

        var siloA = await OrleansTestHosts.StartSiloAsync(first);
        IHost? siloB = null;
        IHost? client = null;
        try
        {
            siloB = await OrleansTestHosts.StartSiloAsync(second);

            // The client is given no gateway address: it has to read both from the membership table.
            var clientOptions = OrleansTestHosts.Options(db.ConnectionString);
            await PostgresStartup.VerifyAsync(clientOptions);
            client = await OrleansTestHosts.StartClientAsync(clientOptions);
            var grains = client.Services.GetRequiredService<IClusterClient>();

            var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
            Assert.Equal(2, hosts.Count);
            Assert.Equal(
                new[] { first.SiloPort, second.SiloPort }.Order(),
                hosts.Keys.Select(h => h.Endpoint.Port).Order());

            var gateways = await Sql.RowsAsync(db.ConnectionString, "SELECT proxyport FROM orleans_membership WHERE status = 3 ORDER BY proxyport");
            Assert.Equal(new[] { first.GatewayPort, second.GatewayPort }.Order(), gateways.Select(r => (int)r[0]!));

            // Grains spread over both silos, and the client reaches them all.
            var placedOn = new HashSet<string>();
            for (var i = 0; placedOn.Count < 2 && i < 200; i++)
            {
                placedOn.Add(await grains.GetGrain<IReminderTestGrain>($"where-{i}").SiloAddress());
            }

            Assert.Equal(2, placedOn.Count);
            var text = grains.GetGrain<IStoredTextGrain>("via-client");
            Assert.Equal(new StateSnapshot("hello", "1", true), await text.Write("hello"));
        }
        finally
        {
            if (client is not null)
            {
                await client.StopQuietlyAsync();
            }

            if (siloB is not null)
            {
                await siloB.StopQuietlyAsync();
            }

            await siloA.StopQuietlyAsync();
        }
    }

    private static Exception Unwrap(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is DatabaseNotReadyException)
            {
                return e;
            }

            if (e is AggregateException { InnerExceptions.Count: 1 } aggregate)
            {
                return Unwrap(aggregate.InnerExceptions[0]);
            }
        }

        return error;
    }
}
