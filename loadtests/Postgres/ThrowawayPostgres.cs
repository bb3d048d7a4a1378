using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace SupportQueue.LoadTests.Postgres;

/// <summary>
/// A PostgreSQL server for one benchmark run, started the way the integration tests start theirs:
/// installed PostgreSQL 15 binaries, data directory in a temp dir, owned and run by the postgres
/// OS user, a random port on 127.0.0.1. Like the tests' server it runs with fsync off, so the
/// numbers leave out disk flush latency.
/// </summary>
internal sealed class ThrowawayPostgres : IAsyncDisposable
{
    private const string SuperUser = "postgres";

    private readonly string _binDir;
    private readonly string _tempDir;
    private readonly string _dataDir;

    private ThrowawayPostgres(string binDir, string tempDir)
    {
        _binDir = binDir;
        _tempDir = tempDir;
        _dataDir = Path.Combine(tempDir, "data");
    }

    public string ConnectionString { get; private set; } = "";

    public static async Task<ThrowawayPostgres> StartAsync()
    {
        var binDir = Environment.GetEnvironmentVariable("SUPPORTQUEUE_PG_BIN") ?? "/usr/lib/postgresql/15/bin";
        if (!File.Exists(Path.Combine(binDir, "initdb")))
        {
            throw new InvalidOperationException($"No initdb in {binDir}: install postgresql-15, set SUPPORTQUEUE_PG_BIN, or pass a connection string.");
        }

        var server = new ThrowawayPostgres(binDir, Directory.CreateTempSubdirectory("supportqueue-bench-pg-").FullName);
        var password = Guid.NewGuid().ToString("N");
        var passwordFile = Path.Combine(server._tempDir, "pwfile");
        await File.WriteAllTextAsync(passwordFile, password + "\n");
        if (IsRoot)
        {
            // initdb and postgres refuse to run as root.
            await RunAsync("chown", ["-R", $"{SuperUser}:{SuperUser}", server._tempDir], asPostgres: false);
        }

        await RunAsync(server.Tool("initdb"),
            ["-D", server._dataDir, "-U", SuperUser, "--pwfile", passwordFile, "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C", "--no-sync"],
            asPostgres: true);
        File.Delete(passwordFile);
        var port = FreePort();
        var options = $"-c listen_addresses=127.0.0.1 -p {port} -k {server._tempDir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300";
        await RunAsync(server.Tool("pg_ctl"), ["start", "-D", server._dataDir, "-l", Path.Combine(server._tempDir, "server.log"), "-w", "-t", "60", "-o", options], asPostgres: true);
        server.ConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = SuperUser,
            Password = password,
            Database = "postgres",
        }.ConnectionString;
        return server;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await RunAsync(Tool("pg_ctl"), ["stop", "-D", _dataDir, "-m", "immediate", "-w", "-t", "30"], asPostgres: true, throwOnError: false);
        Directory.Delete(_tempDir, recursive: true);
    }

    private static bool IsRoot => Environment.UserName == "root";

    private string Tool(string name) => Path.Combine(_binDir, name);

    private static async Task RunAsync(string file, IReadOnlyList<string> args, bool asPostgres, bool throwOnError = true)
    {
        var start = new ProcessStartInfo
        {
            FileName = asPostgres && IsRoot ? "runuser" : file,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
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
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        if (throwOnError && process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} exited with {process.ExitCode}: {await stdout}{await stderr}");
        }
    }
}
