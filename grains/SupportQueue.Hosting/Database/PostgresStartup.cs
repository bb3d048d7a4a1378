namespace SupportQueue.Hosting.Database;

/// <summary>What a silo or client process calls before it builds its host in PostgreSQL mode.</summary>
public static class PostgresStartup
{
    /// <summary>
    /// Silo start: with <see cref="SupportQueueOptions.MigrateOnStart"/> applies pending migrations,
    /// otherwise verifies that the database is current. Does nothing in Memory mode.
    /// Returns the migrations this call applied.
    /// </summary>
    /// <exception cref="DatabaseNotReadyException">The database cannot be used; the message says what to do.</exception>
    public static async Task<IReadOnlyList<Migration>> PrepareAsync(SupportQueueOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Storage != StorageKind.PostgreSQL)
        {
            return [];
        }

        var connectionString = RequireConnectionString(options);
        if (options.MigrateOnStart)
        {
            return await PostgresMigrator.MigrateAsync(connectionString, cancellationToken);
        }

        await DatabaseCheck.VerifyAsync(connectionString, cancellationToken);
        return [];
    }

    /// <summary>
    /// Client start: verifies the database without ever migrating (a client has no business
    /// changing the schema). Does nothing in Memory mode.
    /// </summary>
    /// <exception cref="DatabaseNotReadyException">The database cannot be used; the message says what to do.</exception>
    public static Task VerifyAsync(SupportQueueOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Storage == StorageKind.PostgreSQL
            ? DatabaseCheck.VerifyAsync(RequireConnectionString(options), cancellationToken)
            : Task.CompletedTask;
    }

    private static string RequireConnectionString(SupportQueueOptions options) =>
        string.IsNullOrWhiteSpace(options.ConnectionString)
            ? throw new DatabaseNotReadyException(
                DatabaseProblem.Other,
                $"{SupportQueueOptions.SectionName}:ConnectionString is empty; it is required when Storage is PostgreSQL " +
                "(for example SupportQueue__ConnectionString=\"Host=127.0.0.1;Port=5432;Database=supportqueue;Username=...;Password=...\").")
            : options.ConnectionString;
}
