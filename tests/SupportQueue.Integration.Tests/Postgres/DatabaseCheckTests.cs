using System.Diagnostics;
using Npgsql;
using SupportQueue.Hosting.Database;

namespace SupportQueue.Integration.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class DatabaseCheckTests(PostgresServer server)
{
    // The check must fail fast; this bound leaves room for a loaded CI machine.
    private static readonly TimeSpan _fast = TimeSpan.FromSeconds(8);

    [Fact]
    public async Task Wrong_password_says_to_fix_the_credentials()
    {
        if (!server.PasswordsEnforced)
        {
            return; // An external server with trust authentication accepts any password.
        }

        var connectionString = new NpgsqlConnectionStringBuilder(server.AdminConnectionString) { Password = "not-the-password" }.ConnectionString;

        var error = await FailsFastAsync(connectionString);

        Assert.Equal(DatabaseProblem.AuthenticationFailed, error.Problem);
        Assert.Contains("Username and Password", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Closed_port_says_the_server_is_unreachable()
    {
        var connectionString = new NpgsqlConnectionStringBuilder(server.AdminConnectionString) { Host = "127.0.0.1", Port = PostgresServer.FreePort() }.ConnectionString;

        var error = await FailsFastAsync(connectionString);

        Assert.Equal(DatabaseProblem.Unreachable, error.Problem);
        Assert.Contains("Cannot reach", error.Message, StringComparison.Ordinal);
        Assert.Contains("Host and Port", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_database_says_to_create_it()
    {
        var connectionString = new NpgsqlConnectionStringBuilder(server.AdminConnectionString) { Database = "sq_never_created" }.ConnectionString;

        var error = await FailsFastAsync(connectionString);

        Assert.Equal(DatabaseProblem.DatabaseMissing, error.Problem);
        Assert.Contains("createdb", error.Message, StringComparison.Ordinal);
        Assert.Contains("sq_never_created", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_database_says_to_run_the_migration()
    {
        await using var db = await server.CreateDatabaseAsync();

        var error = await FailsFastAsync(db.ConnectionString);

        Assert.Equal(DatabaseProblem.SchemaMissing, error.Problem);
        Assert.Contains("dotnet run --project silo -- db migrate", error.Message, StringComparison.Ordinal);
        Assert.Contains("SupportQueue:MigrateOnStart=true", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_migration_record_gone_missing_reads_as_an_older_schema()
    {
        await using var db = await server.CreateDatabaseAsync();
        await PostgresMigrator.MigrateAsync(db.ConnectionString);
        var extra = Migration.Create("9001_later.sql", "SELECT 1;");
        await PostgresMigrator.MigrateAsync(db.ConnectionString, [.. Migration.Embedded, extra], default);
        await Sql.ExecuteAsync(db.ConnectionString, "DELETE FROM schema_migrations WHERE version = 9001");

        var error = await Assert.ThrowsAsync<DatabaseNotReadyException>(() => DatabaseCheck.VerifyAsync(db.ConnectionString, [.. Migration.Embedded, extra], DatabaseCheck.DefaultTimeout, default));

        Assert.Equal(DatabaseProblem.SchemaOutdated, error.Problem);
        Assert.Contains("9001_later", error.Message, StringComparison.Ordinal);
    }

    private static async Task<DatabaseNotReadyException> FailsFastAsync(string connectionString)
    {
        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<DatabaseNotReadyException>(() => DatabaseCheck.VerifyAsync(connectionString));
        Assert.True(clock.Elapsed < _fast, $"took {clock.Elapsed}");
        Assert.Contains(new NpgsqlConnectionStringBuilder(connectionString).Host!, error.Message, StringComparison.Ordinal);
        return error;
    }
}
