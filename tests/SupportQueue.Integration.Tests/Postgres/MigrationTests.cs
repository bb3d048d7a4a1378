using SupportQueue.Hosting;
using SupportQueue.Hosting.Database;

namespace SupportQueue.Integration.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class MigrationTests(PostgresServer server)
{
    private static readonly string[] _persistenceKeys = ["ReadFromStorageKey", "WriteToStorageKey", "ClearStorageKey", "DeleteStorageKey"];

    private static readonly string[] _clusteringKeys =
    [
        "InsertMembershipVersionKey", "MembershipReadAllKey", "MembershipReadRowKey", "InsertMembershipKey", "UpdateMembershipKey",
        "UpdateIAmAlivetimeKey", "GatewaysQueryKey", "DeleteMembershipTableEntriesKey", "CleanupDefunctSiloEntriesKey", "CleanupDefunctSiloEntryKey",
    ];

    private static readonly string[] _reminderKeys =
    [
        "ReadReminderRowsKey", "ReadReminderRowKey", "ReadRangeRows1Key", "ReadRangeRows2Key", "UpsertReminderRowKey", "DeleteReminderRowKey", "DeleteReminderRowsKey",
    ];

    [Fact]
    public void Embedded_migrations_start_at_0001_and_are_numbered_without_gaps()
    {
        var versions = Migration.Embedded.Select(m => m.Version).ToList();
        Assert.NotEmpty(versions);
        Assert.Equal(Enumerable.Range(1, versions.Count), versions);
        Assert.Equal("0001_orleans_schema", Migration.Embedded[0].Name);
    }

    [Fact]
    public async Task Grain_state_pages_keep_room_for_heap_only_updates()
    {
        await using var db = await server.CreateDatabaseAsync();
        await PostgresMigrator.MigrateAsync(db.ConnectionString);

        var options = await Sql.ScalarAsync(db.ConnectionString, "SELECT array_to_string(reloptions, ',') FROM pg_class WHERE relname = 'orleans_storage'");

        Assert.Equal("fillfactor=70", options);
    }

    [Fact]
    public async Task Migrate_builds_an_empty_database_and_a_second_run_changes_nothing()
    {
        await using var db = await server.CreateDatabaseAsync();

        var first = await PostgresMigrator.MigrateAsync(db.ConnectionString);
        Assert.Equal(Migration.Embedded.Select(m => m.Name), first.Select(m => m.Name));
        var afterFirst = await Sql.SchemaFingerprintAsync(db.ConnectionString);

        var second = await PostgresMigrator.MigrateAsync(db.ConnectionString);
        Assert.Empty(second);
        Assert.Equal(afterFirst, await Sql.SchemaFingerprintAsync(db.ConnectionString));

        var keys = (await Sql.RowsAsync(db.ConnectionString, "SELECT querykey FROM orleansquery")).Select(r => (string)r[0]!).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(_persistenceKeys.Concat(_clusteringKeys).Concat(_reminderKeys).ToHashSet(StringComparer.Ordinal), keys);

        var status = await PostgresMigrator.GetStatusAsync(db.ConnectionString);
        Assert.True(status.IsCurrent);
        await DatabaseCheck.VerifyAsync(db.ConnectionString);
    }

    [Fact]
    public async Task Silos_migrating_at_the_same_time_apply_each_migration_once()
    {
        await using var db = await server.CreateDatabaseAsync();

        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => PostgresMigrator.MigrateAsync(db.ConnectionString))));

        Assert.Equal(Migration.Embedded.Count, runs.Sum(r => r.Count));
        Assert.Equal((long)Migration.Embedded.Count, await Sql.ScalarAsync(db.ConnectionString, "SELECT count(*) FROM schema_migrations"));
    }

    [Fact]
    public async Task A_new_numbered_migration_is_applied_on_top_and_only_once()
    {
        await using var db = await server.CreateDatabaseAsync();
        await PostgresMigrator.MigrateAsync(db.ConnectionString);
        var next = Migration.Create($"{Migration.Embedded.Count + 1:0000}_durable_timers.sql", "CREATE TABLE durable_timer (id text PRIMARY KEY, due timestamptz NOT NULL);");
        IReadOnlyList<Migration> newer = [.. Migration.Embedded, next];

        var outdated = await Assert.ThrowsAsync<DatabaseNotReadyException>(() => DatabaseCheck.VerifyAsync(db.ConnectionString, newer, DatabaseCheck.DefaultTimeout, default));
        Assert.Equal(DatabaseProblem.SchemaOutdated, outdated.Problem);
        Assert.Contains(next.Name, outdated.Message, StringComparison.Ordinal);
        Assert.Contains(DatabaseCheck.MigrateCommand, outdated.Message, StringComparison.Ordinal);
        Assert.Contains("MigrateOnStart=true", outdated.Message, StringComparison.Ordinal);

        Assert.Equal(new[] { next }, await PostgresMigrator.MigrateAsync(db.ConnectionString, newer, default));
        Assert.Empty(await PostgresMigrator.MigrateAsync(db.ConnectionString, newer, default));
        await DatabaseCheck.VerifyAsync(db.ConnectionString, newer, DatabaseCheck.DefaultTimeout, default);

        // An older build against the newer database: tolerated, the extra version is reported.
        var status = await PostgresMigrator.GetStatusAsync(db.ConnectionString);
        Assert.True(status.IsCurrent);
        Assert.Equal(next.Version, Assert.Single(status.Unknown).Version);
    }

    [Fact]
    public async Task A_failing_migration_leaves_nothing_behind()
    {
        await using var db = await server.CreateDatabaseAsync();
        await PostgresMigrator.MigrateAsync(db.ConnectionString);
        var broken = Migration.Create("0099_broken.sql", "CREATE TABLE half_done (id int); SELECT * FROM no_such_table;");

        var error = await Assert.ThrowsAsync<DatabaseNotReadyException>(() => PostgresMigrator.MigrateAsync(db.ConnectionString, [.. Migration.Embedded, broken], default));

        Assert.Contains("0099_broken", error.Message, StringComparison.Ordinal);
        Assert.Contains("no_such_table", error.Message, StringComparison.Ordinal);
        Assert.Null(await Sql.ScalarAsync(db.ConnectionString, "SELECT to_regclass('half_done')::text"));
        Assert.Equal(0L, await Sql.ScalarAsync(db.ConnectionString, "SELECT count(*) FROM schema_migrations WHERE version = 99"));
    }

    [Fact]
    public async Task An_edited_applied_migration_is_reported_by_check_and_refused_by_migrate()
    {
        await using var db = await server.CreateDatabaseAsync();
        await PostgresMigrator.MigrateAsync(db.ConnectionString);
        await Sql.ExecuteAsync(db.ConnectionString, "UPDATE schema_migrations SET checksum = repeat('0', 64) WHERE version = 1");

        var check = await Assert.ThrowsAsync<DatabaseNotReadyException>(() => DatabaseCheck.VerifyAsync(db.ConnectionString));
        var migrate = await Assert.ThrowsAsync<DatabaseNotReadyException>(() => PostgresMigrator.MigrateAsync(db.ConnectionString));

        foreach (var error in new[] { check, migrate })
        {
            Assert.Equal(DatabaseProblem.ChecksumMismatch, error.Problem);
            Assert.Contains("0001_orleans_schema", error.Message, StringComparison.Ordinal);
            Assert.Contains("new NNNN_*.sql migration", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_database_migrated_with_a_former_comment_only_text_stays_valid()
    {
        await using var db = await server.CreateDatabaseAsync();
        await PostgresMigrator.MigrateAsync(db.ConnectionString);
        var first = Migration.Embedded[0];
        var former = Assert.Single(first.FormerChecksums);
        Assert.NotEqual(first.Checksum, former);
        await Sql.ExecuteAsync(db.ConnectionString, $"UPDATE schema_migrations SET checksum = '{former}' WHERE version = 1");

        await DatabaseCheck.VerifyAsync(db.ConnectionString);
        Assert.Empty(await PostgresMigrator.MigrateAsync(db.ConnectionString));
    }

    [Fact]
    public async Task Prepare_migrates_only_when_MigrateOnStart_is_set()
    {
        await using var db = await server.CreateDatabaseAsync();
        var options = new SupportQueueOptions { Storage = StorageKind.PostgreSQL, ConnectionString = db.ConnectionString };

        var missing = await Assert.ThrowsAsync<DatabaseNotReadyException>(() => PostgresStartup.PrepareAsync(options));
        Assert.Equal(DatabaseProblem.SchemaMissing, missing.Problem);
        await Assert.ThrowsAsync<DatabaseNotReadyException>(() => PostgresStartup.VerifyAsync(options));

        options.MigrateOnStart = true;
        Assert.Equal(Migration.Embedded.Count, (await PostgresStartup.PrepareAsync(options)).Count);
        Assert.Empty(await PostgresStartup.PrepareAsync(options));

        options.MigrateOnStart = false;
        Assert.Empty(await PostgresStartup.PrepareAsync(options));
        await PostgresStartup.VerifyAsync(options);
    }

    [Fact]
    public async Task Db_command_migrates_and_reports_status()
    {
        await using var db = await server.CreateDatabaseAsync();
        var options = new SupportQueueOptions { ConnectionString = db.ConnectionString };
        var output = new StringWriter();

        Assert.Equal(1, await DbCommand.RunAsync(["status"], options, output));
        Assert.Contains("pending  0001_orleans_schema", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, await DbCommand.RunAsync(["migrate"], options, output));
        Assert.Contains("applied 0001_orleans_schema", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, await DbCommand.RunAsync(["migrate"], options, output));
        Assert.Contains("already up to date", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, await DbCommand.RunAsync(["status"], options, output));
        Assert.Contains("applied  0001_orleans_schema", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, await DbCommand.RunAsync(["frobnicate"], options, output));
    }
}
