using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

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
    private const string BinDirVariable = "SUPPORTQUEUE_PG_BIN";
    private const string SuperUser = "postgres";

    private static readonly TimeSpan _startTimeout = TimeSpan.FromSeconds(60);

    private readonly List<string> _createdDatabases = [];
    private string? _tempDir;
    private string? _dataDir;
    private string? _binDir;

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
            await WaitUntilAcceptingAsync(AdminConnectionString);
            PasswordsEnforced = !await LoginSucceedsAsync(new NpgsqlConnectionStringBuilder(external) { Password = "certainly-wrong-" + Guid.NewGuid().ToString("N") }.ConnectionString);
            return;
        }

        await StartThrowawayServerAsync();
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_dataDir is null)
        {
            // External server: it is not ours, only the databases we created are.
            foreach (var name in _createdDatabases)
            {
                await DropDatabaseAsync(name);
            }

            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= StopOnProcessExit;
        await RunAsync(Tool("pg_ctl"), ["stop", "-D", _dataDir, "-m", "immediate", "-w", "-t", "30"], asPostgres: true, throwOnError: false);
        DeleteTempDir();
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
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task StartThrowawayServerAsync()
    {
        _binDir = FindBinDir();
        _tempDir = Directory.CreateTempSubdirectory("supportqueue-pg-").FullName;
        _dataDir = Path.Combine(_tempDir, "data");
        var password = Guid.NewGuid().ToString("N");
        var passwordFile = Path.Combine(_tempDir, "pwfile");
        await File.WriteAllTextAsync(passwordFile, password + "\n");
        if (IsRoot)
        {
            // initdb and postgres refuse to run as root; the postgres OS user owns everything.
            await RunAsync("chown", ["-R", $"{SuperUser}:{SuperUser}", _tempDir], asPostgres: false);
        }

        AppDomain.CurrentDomain.ProcessExit += StopOnProcessExit;
        await RunAsync(Tool("initdb"),
            ["-D", _dataDir, "-U", SuperUser, "--pwfile", passwordFile, "--auth-local=trust", "--auth-host=scram-sha-256",
             "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions"],
            asPostgres: true);
        File.Delete(passwordFile);

        // The port is picked before postgres binds it, so another process may take it first: retry.
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            var options = $"-c listen_addresses=127.0.0.1 -p {port} -k {_tempDir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300";
            var (exitCode, output) = await RunAsync(Tool("pg_ctl"),
                ["start", "-D", _dataDir, "-l", Path.Combine(_tempDir, "server.log"), "-w", "-t", "30", "-o", options],
                asPostgres: true, throwOnError: false);
            if (exitCode == 0)
            {
                AdminConnectionString = new NpgsqlConnectionStringBuilder
                {
                    Host = "127.0.0.1",
                    Port = port,
                    Username = SuperUser,
                    Password = password,
                    Database = "postgres",
                    IncludeErrorDetail = true,
                }.ConnectionString;
                break;
            }

            if (attempt == 3)
            {
                var log = File.Exists(Path.Combine(_tempDir, "server.log")) ? await File.ReadAllTextAsync(Path.Combine(_tempDir, "server.log")) : "(no log)";
                throw new InvalidOperationException($"pg_ctl start failed ({exitCode}): {output}\n{log}");
            }
        }

        await WaitUntilAcceptingAsync(AdminConnectionString);
    }

    /// <summary>pg_ctl -w already waited; this bounded poll covers an external or slow server.</summary>
    private static async Task WaitUntilAcceptingAsync(string connectionString)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Timeout = 5, Pooling = false }.ConnectionString);
                await connection.OpenAsync();
                return;
            }
            catch (NpgsqlException) when (deadline.Elapsed < _startTimeout)
            {
                await Task.Delay(100);
            }
        }
    }

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

    private static bool IsRoot => Environment.UserName == "root";

    private string Tool(string name) => Path.Combine(_binDir!, name);

    private static string FindBinDir()
    {
        var configured = Environment.GetEnvironmentVariable(BinDirVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        // Debian keeps the server binaries out of PATH, one directory per major version.
        var candidates = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
                .OrderBy(d => d.Contains("/15/", StringComparison.Ordinal) ? 0 : 1)
                .ThenByDescending(d => d, StringComparer.Ordinal)
                .ToList()
            : [];
        return candidates.FirstOrDefault()
            ?? throw new InvalidOperationException(
                $"No PostgreSQL server binaries (initdb, pg_ctl) under /usr/lib/postgresql/*/bin. Install them (apt-get install postgresql-15), " +
                $"point {BinDirVariable} at their directory, or set {ExternalServerVariable} to a superuser connection string of an existing server.");
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, IReadOnlyList<string> args, bool asPostgres, bool throwOnError = true)
    {
        var start = new ProcessStartInfo
        {
            FileName = asPostgres && IsRoot ? "runuser" : file,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // The postgres user cannot read root's working directory; the tools chdir there.
            WorkingDirectory = Path.GetTempPath(),
        };
        if (asPostgres && IsRoot)
        {
            foreach (var a in new[] { "-u", SuperUser, "--", file })
            {
                start.ArgumentList.Add(a);
            }
        }

        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(_startTimeout);
        await process.WaitForExitAsync(timeout.Token);
        var output = (await stdout) + (await stderr);
        if (throwOnError && process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited with {process.ExitCode}: {output}");
        }

        return (process.ExitCode, output);
    }

    private void StopOnProcessExit(object? sender, EventArgs e)
    {
        // Last resort when the test host is torn down without disposing fixtures.
        if (_dataDir is not null)
        {
            RunAsync(Tool("pg_ctl"), ["stop", "-D", _dataDir, "-m", "immediate"], asPostgres: true, throwOnError: false).GetAwaiter().GetResult();
            DeleteTempDir();
        }
    }

    private void DeleteTempDir()
    {
        if (_tempDir is not null && Directory.Exists(_tempDir))
        {
            Directory.Delete(_tempDir, recursive: true);
        }
    }
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
