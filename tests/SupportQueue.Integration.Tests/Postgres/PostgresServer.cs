using Npgsql;
using SupportQueue.LoadTests.Postgres;

namespace SupportQueue.Integration.Tests.Postgres;

/// <summary>
/// A PostgreSQL server for the whole test run: a throwaway one started from the installed
/// binaries (data directory in a temp dir, random port on 127.0.0.1, socket in the temp dir,
/// password authentication for TCP), or the existing server named by the connection string in
/// <c>SUPPORTQUEUE_TEST_PG</c>. Tests get their own database from <see cref="CreateDatabaseAsync"/>.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string ExternalServerVariable = "SUPPORTQUEUE_TEST_PG";

    private readonly List<string> _createdDatabases = [];
    private ThrowawayPostgres? _server;

    /// <summary>Connection string of a superuser on the maintenance database.</summary>
    public string AdminConnectionString { get; private set; } = string.Empty;

    /// <summary>False only for an external server that lets a wrong password in (trust auth).</summary>
    public bool PasswordsEnforced { get; private set; } = true;

    public async Task InitializeAsync()
    {
        var external = Environment.GetEnvironmentVariable(ExternalServerVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            AdminConnectionString = external;
            await ThrowawayPostgres.WaitUntilAcceptingAsync(AdminConnectionString);
            PasswordsEnforced = !await LoginSucceedsAsync(new NpgsqlConnectionStringBuilder(external) { Password = "certainly-wrong-" + Guid.NewGuid().ToString("N") }.ConnectionString);
            return;
        }

        _server = await ThrowawayPostgres.StartAsync($"set {ExternalServerVariable} to a superuser connection string of an existing server");
        AppDomain.CurrentDomain.ProcessExit += StopOnProcessExit;
        AdminConnectionString = _server.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_server is null)
        {
            // External server: it is not ours, only the databases we created are.
            foreach (var name in _createdDatabases.ToList())
            {
                await DropDatabaseAsync(name);
            }

            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= StopOnProcessExit;
        await _server.DisposeAsync();
    }

    /// <summary>Creates an empty database with a unique name; dispose the result to drop it.</summary>
    public async Task<TestDatabase> CreateDatabaseAsync()
    {
        var name = "sq_test_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        lock (_createdDatabases)
        {
            _createdDatabases.Add(name);
        }

        var connectionString = new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
        return new TestDatabase(this, name, connectionString);
    }

    internal async Task DropDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        // FORCE: a silo's connection pool may still hold sessions on it.
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
        lock (_createdDatabases)
        {
            _createdDatabases.Remove(name);
        }
    }

    /// <summary>A TCP port on 127.0.0.1 that nothing listened on a moment ago.</summary>
    public static int FreePort() => ThrowawayPostgres.FreePort();

    private static async Task<bool> LoginSucceedsAsync(string connectionString)
    {
        try
        {
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
            await connection.OpenAsync();
            return true;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }

    // Last resort when the test host is torn down without disposing fixtures.
    private void StopOnProcessExit(object? sender, EventArgs e) => _server?.DisposeAsync().AsTask().GetAwaiter().GetResult();
}

/// <summary>A uniquely named database on the test server, dropped on dispose.</summary>
public sealed class TestDatabase(PostgresServer server, string name, string connectionString) : IAsyncDisposable
{
    public string Name { get; } = name;

    public string ConnectionString { get; } = connectionString;

    public async ValueTask DisposeAsync() => await server.DropDatabaseAsync(Name);
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL";
}
