using System.Data;
using SupportQueue.Hosting.Database;

namespace SupportQueue.Integration.Tests.Postgres;

/// <summary>
/// The stored query texts against the contract's edge cases, called with parameters typed the
/// way the 10.4.2 providers bind them. Cheaper and more pointed than provoking races in a silo.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class QueryContractTests(PostgresServer server) : IAsyncLifetime
{
    private TestDatabase _db = null!;

    private string Cs => _db.ConnectionString;

    public async Task InitializeAsync()
    {
        _db = await server.CreateDatabaseAsync();
        await PostgresMigrator.MigrateAsync(_db.ConnectionString);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Storage_versions_conflicts_clear_and_delete()
    {
        var payload = new byte[] { 1, 2, 3 };

        Assert.Equal(1, Single(await Write(null, payload)));
        Assert.Empty(await Write(null, payload)); // a second "first write" conflicts
        Assert.Equal(2, Single(await Write(1, payload)));
        Assert.Empty(await Write(1, payload)); // stale ETag

        var read = Assert.Single(await Query("ReadFromStorageKey", Identity()));
        Assert.Equal(payload, read[0]);
        Assert.Equal(2, read[1]);

        Assert.Empty(await Query("ClearStorageKey", [.. Identity(), ("GrainStateVersion", DbType.Int32, 1)]));
        Assert.Equal(3, Single(await Query("ClearStorageKey", [.. Identity(), ("GrainStateVersion", DbType.Int32, 2)])));
        read = Assert.Single(await Query("ReadFromStorageKey", Identity()));
        Assert.Null(read[0]); // cleared: the row and its version stay
        Assert.Equal(3, read[1]);

        Assert.Empty(await Write(null, payload)); // the kept row still guards against a blind insert
        Assert.Equal(4, Single(await Write(3, payload))); // clear, then write

        Assert.Empty(await Query("DeleteStorageKey", [.. Identity(), ("GrainStateVersion", DbType.Int32, 3)]));
        var deleted = Single(await Query("DeleteStorageKey", [.. Identity(), ("GrainStateVersion", DbType.Int32, 4)]));
        Assert.NotEqual(4, deleted);
        Assert.Empty(await Query("ReadFromStorageKey", Identity()));
        Assert.Equal(1, Single(await Write(null, payload))); // after delete the provider's ETag is null: insert path
    }

    [Fact]
    public async Task Storage_keys_treat_a_null_extension_as_a_value()
    {
        var payload = new byte[] { 9 };
        Assert.Equal(1, Single(await Write(null, payload, extension: null)));
        Assert.Empty(await Write(null, payload, extension: null));
        Assert.Equal(1, Single(await Write(null, payload, extension: "ext")));
        Assert.Equal(1, Single(await Write(null, payload, extension: null, stateName: "other")));
        Assert.Single(await Query("ReadFromStorageKey", Identity(extension: null)));
        Assert.Equal(3L, await Sql.ScalarAsync(Cs, "SELECT count(*) FROM orleans_storage"));
    }

    [Fact]
    public async Task Membership_versioning_is_atomic_with_the_row_change()
    {
        var start = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc).AddTicks(123_450);

        Assert.True(Bool(await Query("InsertMembershipVersionKey", Deployment())));
        Assert.False(Bool(await Query("InsertMembershipVersionKey", Deployment())));

        var empty = Assert.Single(await Query("MembershipReadAllKey", Deployment()));
        Assert.Equal(0, empty[0]);
        Assert.Null(empty[9]); // starttime NULL: "no members"

        Assert.True(Bool(await Insert(Silo(1), version: 0, start)));
        Assert.False(Bool(await Insert(Silo(1), version: 1, start))); // duplicate row...
        Assert.Equal(1, await TableVersion()); // ...does not bump
        Assert.False(Bool(await Insert(Silo(2), version: 0, start))); // stale version
        Assert.Equal(1, await TableVersion());

        Assert.False(Bool(await Update(Silo(2), version: 1, status: 3, start))); // absent row
        Assert.Equal(1, await TableVersion());
        Assert.True(Bool(await Update(Silo(1), version: 1, status: 3, start.AddSeconds(10))));
        Assert.Equal(2, await TableVersion());

        var row = Assert.Single(await Query("MembershipReadRowKey", Silo(1)));
        Assert.Equal("127.0.0.1", row[1]);
        Assert.Equal(3, row[6]);
        Assert.Equal(start, ((DateTime)row[9]!).ToUniversalTime());
        var missing = Assert.Single(await Query("MembershipReadRowKey", Silo(2)));
        Assert.Null(missing[9]);

        var gateway = Assert.Single(await Query("GatewaysQueryKey", [.. Deployment(), ("Status", DbType.Int32, 3)]));
        Assert.Equal(new object?[] { "127.0.0.1", 30001, 7 }, gateway);

        // Heartbeats: no version change, and an older observation does not move time backwards.
        await Query("UpdateIAmAlivetimeKey", [.. Silo(1), ("IAmAliveTime", DbType.DateTime, start.AddSeconds(5))]);
        Assert.Equal(2, await TableVersion());
        var alive = (DateTime)Assert.Single(await Query("MembershipReadRowKey", Silo(1)))[10]!;
        Assert.Equal(start.AddSeconds(10), alive.ToUniversalTime());

        // Per-row cleanup removes only a dead row that still has exactly the captured values.
        (string, DbType, object?)[] Captured(DateTime iAmAlive) =>
            [.. Silo(1), ("SuspectTimes", DbType.String, null), ("StartTime", DbType.DateTime, start), ("IAmAliveTime", DbType.DateTime, iAmAlive)];
        await Query("CleanupDefunctSiloEntryKey", Captured(start.AddSeconds(10)));
        Assert.Single(await Query("GatewaysQueryKey", [.. Deployment(), ("Status", DbType.Int32, 3)])); // still active: kept
        Assert.True(Bool(await Update(Silo(1), version: 2, status: 6, start.AddSeconds(10))));
        await Query("CleanupDefunctSiloEntryKey", Captured(start.AddSeconds(9)));
        Assert.Equal(1L, await Sql.ScalarAsync(Cs, "SELECT count(*) FROM orleans_membership"));
        await Query("CleanupDefunctSiloEntryKey", Captured(start.AddSeconds(10)));
        Assert.Equal(0L, await Sql.ScalarAsync(Cs, "SELECT count(*) FROM orleans_membership"));

        Assert.True(Bool(await Insert(Silo(2), version: 3, start)));
        await Query("DeleteMembershipTableEntriesKey", Deployment());
        Assert.Equal(0L, await Sql.ScalarAsync(Cs, "SELECT count(*) FROM orleans_membership_version"));
        Assert.Equal(0L, await Sql.ScalarAsync(Cs, "SELECT count(*) FROM orleans_membership"));
    }

    [Fact]
    public async Task Reminders_versions_and_signed_ring_ranges()
    {
        const int Hash = -123_456;
        Assert.Equal(0, Single(await Upsert("r1", Hash, period: 60_000)));
        Assert.Equal(1, Single(await Upsert("r1", Hash, period: 60_000L * 60 * 24 * 30))); // a bigint period
        Assert.Equal(0, Single(await Upsert("r2", int.MaxValue, period: 1000)));

        Assert.Equal(2, (await Query("ReadReminderRowsKey", [.. Service(), ("GrainId", DbType.AnsiString, "g/1")])).Count);
        var row = Assert.Single(await Query("ReadReminderRowKey", [.. Service(), ("GrainId", DbType.AnsiString, "g/1"), ("ReminderName", DbType.String, "r1")]));
        Assert.Equal(60_000L * 60 * 24 * 30, row[3]);
        Assert.Empty(await Query("ReadReminderRowKey", [.. Service(), ("GrainId", DbType.AnsiString, "g/1"), ("ReminderName", DbType.String, "none")]));

        Assert.Single(await Range(1, Hash - 1, Hash)); // (begin, end]: end inclusive
        Assert.Empty(await Range(1, Hash, Hash + 1)); // begin exclusive
        Assert.Equal(2, (await Range(2, 5, 5)).Count); // begin == end: the whole ring
        Assert.Equal(2, (await Range(2, int.MaxValue - 1, Hash)).Count); // wraps past int.MaxValue

        (string, DbType, object?)[] Delete(int version) =>
            [.. Service(), ("GrainId", DbType.AnsiString, "g/1"), ("ReminderName", DbType.String, "r1"), ("Version", DbType.Int32, version)];
        Assert.False(Bool(await Query("DeleteReminderRowKey", Delete(0))));
        Assert.True(Bool(await Query("DeleteReminderRowKey", Delete(1))));
        Assert.False(Bool(await Query("DeleteReminderRowKey", Delete(1))));

        await Query("DeleteReminderRowsKey", Service());
        Assert.Empty(await Range(2, 0, 0));
    }

    private Task<List<object?[]>> Query(string key, params (string, DbType, object?)[] parameters) => Sql.OrleansQueryAsync(Cs, key, parameters);

    private static int Single(List<object?[]> rows) => Convert.ToInt32(Assert.Single(Assert.Single(rows)));

    private static bool Bool(List<object?[]> rows) => Convert.ToBoolean(Assert.Single(Assert.Single(rows)));

    private static (string, DbType, object?)[] Identity(string? extension = "key", string stateName = "text") =>
    [
        ("GrainIdHash", DbType.Int32, 42), ("GrainIdN0", DbType.Int64, 0L), ("GrainIdN1", DbType.Int64, 0x123L),
        ("GrainTypeHash", DbType.Int32, -7), ("GrainTypeString", DbType.String, stateName),
        ("GrainIdExtensionString", DbType.String, extension), ("ServiceId", DbType.String, "svc"),
    ];

    private Task<List<object?[]>> Write(int? version, byte[] payload, string? extension = "key", string stateName = "text") =>
        Query("WriteToStorageKey", [.. Identity(extension, stateName), ("GrainStateVersion", DbType.Int32, version), ("PayloadBinary", DbType.Binary, payload)]);

    private static (string, DbType, object?)[] Deployment() => [("DeploymentId", DbType.String, "cluster")];

    private static (string, DbType, object?)[] Silo(int port) =>
        [.. Deployment(), ("Address", DbType.AnsiString, "127.0.0.1"), ("Port", DbType.Int32, port), ("Generation", DbType.Int32, 7)];

    private Task<List<object?[]>> Insert((string, DbType, object?)[] silo, int version, DateTime start) =>
        Query("InsertMembershipKey",
        [
            .. silo, ("SiloName", DbType.String, "silo"), ("HostName", DbType.String, "host"), ("Status", DbType.Int32, 2),
            ("ProxyPort", DbType.Int32, 30001), ("StartTime", DbType.DateTime, start), ("IAmAliveTime", DbType.DateTime, start),
            ("Version", DbType.Int32, version),
        ]);

    private Task<List<object?[]>> Update((string, DbType, object?)[] silo, int version, int status, DateTime alive) =>
        Query("UpdateMembershipKey",
        [
            .. silo, ("Status", DbType.Int32, status), ("SuspectTimes", DbType.String, null), ("IAmAliveTime", DbType.DateTime, alive),
            ("Version", DbType.Int32, version),
        ]);

    private async Task<int> TableVersion() => (int)(await Sql.ScalarAsync(Cs, "SELECT version FROM orleans_membership_version"))!;

    private static (string, DbType, object?)[] Service() => [("ServiceId", DbType.String, "svc")];

    private Task<List<object?[]>> Upsert(string name, int hash, long period) =>
        Query("UpsertReminderRowKey",
        [
            .. Service(), ("GrainId", DbType.AnsiString, "g/1"), ("ReminderName", DbType.String, name),
            ("StartTime", DbType.DateTime, DateTime.UtcNow),
            period <= int.MaxValue ? ("Period", DbType.Int32, (int)period) : ("Period", DbType.Int64, period),
            ("GrainHash", DbType.Int32, hash),
        ]);

    private Task<List<object?[]>> Range(int variant, int begin, int end) =>
        Query($"ReadRangeRows{variant}Key", [.. Service(), ("BeginHash", DbType.Int32, begin), ("EndHash", DbType.Int32, end)]);
}
