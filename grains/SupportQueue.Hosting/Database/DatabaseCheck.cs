using System.Globalization;
using System.Net.Sockets;
using Npgsql;

namespace SupportQueue.Hosting.Database;

/// <summary>
/// Start-up check for PostgreSQL mode: answers within a bounded time whether the database can be
/// used by this build, and if not, says what to do.
/// </summary>
public static class DatabaseCheck
{
    /// <summary>How long <see cref="VerifyAsync(string, CancellationToken)"/> may take at most.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The command that applies the schema, as shown in error messages.</summary>
    public const string MigrateCommand = "dotnet run --project silo -- db migrate";

    /// <summary>
    /// Succeeds when the server answers, accepts the login, the database exists and has every
    /// migration of this build applied unmodified.
    /// </summary>
    /// <exception cref="DatabaseNotReadyException">Otherwise; the message says what to do.</exception>
    public static Task VerifyAsync(string connectionString, CancellationToken cancellationToken = default) =>
        VerifyAsync(connectionString, Migration.Embedded, DefaultTimeout, cancellationToken);

    internal static async Task VerifyAsync(string connectionString, IReadOnlyList<Migration> migrations, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        SchemaStatus status;
        try
        {
            status = await PostgresMigrator.GetStatusAsync(connectionString, migrations, timeout, deadline.Token);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not DatabaseNotReadyException && IsConnectionFailure(e))
        {
            throw Translate(e, connectionString, timeout);
        }

        var target = Describe(connectionString);
        if (!status.HasMigrationTable || status.Applied.Count == 0)
        {
            throw new DatabaseNotReadyException(
                DatabaseProblem.SchemaMissing,
                $"{target} has no SupportQueue schema yet. Run `{MigrateCommand}` (with the same SupportQueue:ConnectionString), " +
                $"or set {SupportQueueOptions.SectionName}:MigrateOnStart=true so the silo applies it when it starts.");
        }

        PostgresMigrator.ThrowIfMismatched(status, target);
        if (status.Pending.Count > 0)
        {
            var current = status.Applied.Max(a => a.Version);
            throw new DatabaseNotReadyException(
                DatabaseProblem.SchemaOutdated,
                $"{target} is at schema version {current}, older than this build needs (pending: {string.Join(", ", status.Pending.Select(m => m.Name))}). " +
                $"Run `{MigrateCommand}`, or set {SupportQueueOptions.SectionName}:MigrateOnStart=true so the silo applies it when it starts.");
        }
    }

    /// <summary>
    /// Opens a non-pooled connection whose connect time is bounded, turning every failure into a
    /// <see cref="DatabaseNotReadyException"/> that says what to do.
    /// </summary>
    internal static async Task<NpgsqlConnection> OpenAsync(string connectionString, TimeSpan timeout, CancellationToken cancellationToken)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new DatabaseNotReadyException(
                DatabaseProblem.Other,
                $"{SupportQueueOptions.SectionName}:ConnectionString is not a valid Npgsql connection string: {e.Message}",
                e);
        }

        var seconds = Math.Max(1, (int)Math.Ceiling(timeout.TotalSeconds));
        if (builder.Timeout == 0 || builder.Timeout > seconds)
        {
            builder.Timeout = seconds;
        }

        // A start-up probe should not leave idle pooled connections behind.
        builder.Pooling = false;

        var connection = new NpgsqlConnection(builder.ConnectionString);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await connection.OpenAsync(deadline.Token);
            return connection;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && IsConnectionFailure(e))
        {
            await connection.DisposeAsync();
            throw Translate(e, connectionString, timeout);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>"PostgreSQL database 'x' on host:port as user 'u'", never the password.</summary>
    internal static string Describe(string connectionString)
    {
        try
        {
            var b = new NpgsqlConnectionStringBuilder(connectionString);
            var user = string.IsNullOrEmpty(b.Username) ? "(default user)" : $"user '{b.Username}'";
            var database = string.IsNullOrEmpty(b.Database) ? "(default database)" : $"database '{b.Database}'";
            return $"PostgreSQL {database} on {b.Host}:{b.Port.ToString(CultureInfo.InvariantCulture)} as {user}";
        }
        catch (ArgumentException)
        {
            return "PostgreSQL (unparsable connection string)";
        }
    }

    private static bool IsConnectionFailure(Exception e) =>
        e is NpgsqlException or OperationCanceledException or TimeoutException or SocketException;

    internal static DatabaseNotReadyException Translate(Exception e, string connectionString, TimeSpan timeout)
    {
        var target = Describe(connectionString);
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        const string Setting = SupportQueueOptions.SectionName + ":ConnectionString";

        if (e is PostgresException pg)
        {
            switch (pg.SqlState)
            {
                case PostgresErrorCodes.InvalidPassword:
                case PostgresErrorCodes.InvalidAuthorizationSpecification:
                    return new DatabaseNotReadyException(
                        DatabaseProblem.AuthenticationFailed,
                        $"{target}: login failed ({pg.SqlState}: {pg.MessageText}). Check Username and Password in {Setting} " +
                        "(or the SupportQueue__ConnectionString environment variable), and that the server's pg_hba.conf allows this user from this host.",
                        e);
                case PostgresErrorCodes.InvalidCatalogName:
                    return new DatabaseNotReadyException(
                        DatabaseProblem.DatabaseMissing,
                        $"{target}: the database '{b.Database}' does not exist on this server. Create it " +
                        $"(for example `createdb -h {b.Host} -p {b.Port} -U {b.Username ?? "postgres"} {b.Database}`), then run `{MigrateCommand}`, " +
                        $"or fix Database in {Setting}.",
                        e);
                case PostgresErrorCodes.CannotConnectNow:
                    return new DatabaseNotReadyException(
                        DatabaseProblem.Unreachable,
                        $"{target}: the server is starting up or shutting down ({pg.MessageText}). Try again when it is ready.",
                        e);
                default:
                    return new DatabaseNotReadyException(DatabaseProblem.Other, $"{target}: {pg.SqlState}: {pg.MessageText}", e);
            }
        }

        // Npgsql reports a missing password, before any server error, as a plain NpgsqlException.
        if (e is NpgsqlException && e.InnerException is null && e.Message.Contains("password", StringComparison.OrdinalIgnoreCase))
        {
            return new DatabaseNotReadyException(
                DatabaseProblem.AuthenticationFailed,
                $"{target}: login failed ({e.Message}). Set Password in {Setting} (or the SupportQueue__ConnectionString environment variable).",
                e);
        }

        var socket = e as SocketException ?? e.InnerException as SocketException;
        var reason = socket?.SocketErrorCode switch
        {
            SocketError.ConnectionRefused => "connection refused: nothing listens on that port",
            SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => "the host name does not resolve",
            SocketError.TimedOut => $"no answer within {timeout.TotalSeconds:0} s",
            SocketError.NetworkUnreachable or SocketError.HostUnreachable => "the network or host is unreachable",
            not null => $"socket error {socket.SocketErrorCode}",
            null when e is OperationCanceledException or TimeoutException || e.InnerException is TimeoutException => $"no answer within {timeout.TotalSeconds:0} s",
            null => e.Message,
        };
        return new DatabaseNotReadyException(
            DatabaseProblem.Unreachable,
            $"Cannot reach {target} ({reason}). Check that the PostgreSQL server is running and that Host and Port in {Setting} are right.",
            e);
    }
}
