using Npgsql;

namespace SupportQueue.Hosting.Database;

/// <summary>
/// Applies the embedded <c>silo/sql/NNNN_*.sql</c> scripts in version order, each in its own
/// transaction together with its <c>schema_migrations</c> row, so a failed script leaves no
/// trace and a rerun continues where it stopped.
/// </summary>
/// <remarks>
/// Every transaction first takes one transaction-scoped advisory lock, so silos that start
/// together apply each script once; the lock dies with the transaction, so a crashed or pooled
/// connection can never keep it. Scripts therefore must be transactional (no
/// <c>CREATE INDEX CONCURRENTLY</c>).
/// </remarks>
public static class PostgresMigrator
{
    /// <summary>The table recording applied migrations.</summary>
    public const string MigrationsTable = "schema_migrations";

    // Any constant works as long as nothing else in the database uses it; this one spells "SupportQ".
    private const long AdvisoryLockKey = 0x5375_7070_6F72_7451;

    private static readonly TimeSpan _connectTimeout = TimeSpan.FromSeconds(10);

    // Waiting for another silo's migration is normal; a script itself may run long on big tables.
    private const int LockAndScriptTimeoutSeconds = 300;

    /// <summary>Applies every pending migration of this build; returns the ones this call applied.</summary>
    /// <exception cref="DatabaseNotReadyException">The database is unreachable, an applied migration was edited, or a script failed.</exception>
    public static Task<IReadOnlyList<Migration>> MigrateAsync(string connectionString, CancellationToken cancellationToken = default) =>
        MigrateAsync(connectionString, Migration.Embedded, cancellationToken);

    /// <summary>Compares the database with this build's migrations without changing anything.</summary>
    public static Task<SchemaStatus> GetStatusAsync(string connectionString, CancellationToken cancellationToken = default) =>
        GetStatusAsync(connectionString, Migration.Embedded, _connectTimeout, cancellationToken);

    internal static async Task<IReadOnlyList<Migration>> MigrateAsync(string connectionString, IReadOnlyList<Migration> migrations, CancellationToken cancellationToken)
    {
        var target = DatabaseCheck.Describe(connectionString);
        await using var connection = await DatabaseCheck.OpenAsync(connectionString, _connectTimeout, cancellationToken);

        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            await LockAsync(connection, transaction, cancellationToken);
            await ExecuteAsync(connection, transaction, $"""
                CREATE TABLE IF NOT EXISTS {MigrationsTable}
                (
                    version    integer     NOT NULL PRIMARY KEY,
                    name       text        NOT NULL,
                    checksum   text        NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        var status = Compare(true, await ReadAppliedAsync(connection, null, cancellationToken), migrations);
        ThrowIfMismatched(status, target);

        var applied = new List<Migration>();
        foreach (var migration in status.Pending)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await LockAsync(connection, transaction, cancellationToken);

            // Another silo may have applied it while this one waited for the lock.
            var current = await ReadAppliedAsync(connection, transaction, cancellationToken);
            var already = current.FirstOrDefault(a => a.Version == migration.Version);
            if (already is not null)
            {
                ThrowIfMismatched(Compare(true, [already], [migration]), target);
                continue;
            }

            try
            {
                await ExecuteAsync(connection, transaction, migration.Script, cancellationToken);
            }
            catch (PostgresException e)
            {
                throw new DatabaseNotReadyException(
                    DatabaseProblem.Other,
                    $"Migration {migration.Name} failed on {target}, and nothing of it was applied: {e.SqlState}: {e.MessageText}" +
                    (e.Position > 0 ? $" (at character {e.Position} of the script)" : string.Empty),
                    e);
            }

            await using (var record = new NpgsqlCommand($"INSERT INTO {MigrationsTable} (version, name, checksum) VALUES (@version, @name, @checksum)", connection, transaction))
            {
                record.Parameters.AddWithValue("version", migration.Version);
                record.Parameters.AddWithValue("name", migration.Name);
                record.Parameters.AddWithValue("checksum", migration.Checksum);
                await record.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            applied.Add(migration);
        }

        return applied;
    }

    internal static async Task<SchemaStatus> GetStatusAsync(string connectionString, IReadOnlyList<Migration> migrations, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await using var connection = await DatabaseCheck.OpenAsync(connectionString, timeout, cancellationToken);
        await using (var exists = new NpgsqlCommand($"SELECT to_regclass('{MigrationsTable}') IS NOT NULL", connection))
        {
            if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken))!)
            {
                return Compare(false, [], migrations);
            }
        }

        return Compare(true, await ReadAppliedAsync(connection, null, cancellationToken), migrations);
    }

    internal static void ThrowIfMismatched(SchemaStatus status, string target)
    {
        if (status.Mismatched.Count == 0)
        {
            return;
        }

        var details = status.Mismatched.Select(m =>
        {
            var recorded = status.Applied.First(a => a.Version == m.Version);
            return $"{m.Name} (database {recorded.Checksum[..12]}…, this build {m.Checksum[..12]}…)";
        });
        throw new DatabaseNotReadyException(
            DatabaseProblem.ChecksumMismatch,
            $"{target}: applied migration(s) differ from this build's files: {string.Join(", ", details)}. " +
            "An applied migration must never be edited: restore the original silo/sql file and put the change into a new NNNN_*.sql migration.");
    }

    private static SchemaStatus Compare(bool hasTable, IReadOnlyList<AppliedMigration> applied, IReadOnlyList<Migration> migrations)
    {
        var byVersion = applied.ToDictionary(a => a.Version);
        var pending = migrations.Where(m => !byVersion.ContainsKey(m.Version)).ToList();
        var mismatched = migrations
            .Where(m => byVersion.TryGetValue(m.Version, out var a) && !m.Matches(a.Checksum))
            .ToList();
        var known = migrations.Select(m => m.Version).ToHashSet();
        var unknown = applied.Where(a => !known.Contains(a.Version)).ToList();
        return new SchemaStatus(hasTable, applied, pending, mismatched, unknown);
    }

    private static async Task<IReadOnlyList<AppliedMigration>> ReadAppliedAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT version, name, checksum, applied_at FROM {MigrationsTable} ORDER BY version", connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var applied = new List<AppliedMigration>();
        while (await reader.ReadAsync(cancellationToken))
        {
            applied.Add(new AppliedMigration(reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3)));
        }

        return applied;
    }

    private static async Task LockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction)
        {
            CommandTimeout = LockAndScriptTimeoutSeconds,
        };
        command.Parameters.AddWithValue("key", AdvisoryLockKey);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction)
        {
            CommandTimeout = LockAndScriptTimeoutSeconds,
        };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
