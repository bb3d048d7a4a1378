using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace SupportQueue.LoadTests.Postgres;

/// <summary>
/// A throwaway PostgreSQL server from the installed binaries: data directory in a temp dir, owned and
/// run by the postgres OS user (initdb refuses root), a random port on 127.0.0.1, socket in the temp
/// dir, password authentication for TCP, fsync off (so figures leave out disk flush latency).
/// One implementation for pg-bench and the integration tests' fixture, which compiles this file too.
/// </summary>
internal sealed class ThrowawayPostgres : IAsyncDisposable
{
    public const string BinDirVariable = "SUPPORTQUEUE_PG_BIN";
    private const string SuperUser = "postgres";

    private static readonly TimeSpan _timeout = TimeSpan.FromSeconds(60);

    private readonly string _binDir;
    private readonly string _tempDir;
    private readonly string _dataDir;
    private int _stopped;

    private ThrowawayPostgres(string binDir, string tempDir)
    {
        _binDir = binDir;
        _tempDir = tempDir;
        _dataDir = Path.Combine(tempDir, "data");
    }

    /// <summary>A superuser on the maintenance database.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <param name="whatElse">Appended to the error when no binaries are found: the caller's other options.</param>
    public static async Task<ThrowawayPostgres> StartAsync(string whatElse)
    {
        var server = new ThrowawayPostgres(FindBinDir(whatElse), Directory.CreateTempSubdirectory("supportqueue-pg-").FullName);
        try
        {
            await server.InitAndStartAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>A TCP port on 127.0.0.1 that nothing listened on a moment ago.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Polls until the server takes connections (bounded); also right for a server that is not ours.</summary>
    public static async Task WaitUntilAcceptingAsync(string connectionString)
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
            catch (NpgsqlException) when (deadline.Elapsed < _timeout)
            {
                await Task.Delay(100);
            }
        }
    }

    /// <summary>Stops the server and deletes its files; safe to call more than once.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        if (File.Exists(Path.Combine(_dataDir, "postmaster.pid")))
        {
            await RunAsync(Tool("pg_ctl"), ["stop", "-D", _dataDir, "-m", "immediate", "-w", "-t", "30"], asPostgres: true, throwOnError: false);
        }

        if (Directory.Exists(_tempDir))
        {
            Directory.Delete(_tempDir, recursive: true);
        }
    }

    private async Task InitAndStartAsync()
    {
        var password = Guid.NewGuid().ToString("N");
        var passwordFile = Path.Combine(_tempDir, "pwfile");
        await File.WriteAllTextAsync(passwordFile, password + "\n");
        if (IsRoot)
        {
            await RunAsync("chown", ["-R", $"{SuperUser}:{SuperUser}", _tempDir], asPostgres: false);
        }

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
                ConnectionString = new NpgsqlConnectionStringBuilder
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
                var log = Path.Combine(_tempDir, "server.log");
                throw new InvalidOperationException($"pg_ctl start failed ({exitCode}): {output}\n{(File.Exists(log) ? await File.ReadAllTextAsync(log) : "(no log)")}");
            }
        }

        await WaitUntilAcceptingAsync(ConnectionString);
    }

    private static bool IsRoot => Environment.UserName == "root";

    private string Tool(string name) => Path.Combine(_binDir, name);

    private static string FindBinDir(string whatElse)
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
                $"point {BinDirVariable} at their directory, or {whatElse}.");
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
        using var timeout = new CancellationTokenSource(_timeout);
        await process.WaitForExitAsync(timeout.Token);
        var output = (await stdout) + (await stderr);
        if (throwOnError && process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited with {process.ExitCode}: {output}");
        }

        return (process.ExitCode, output);
    }
}
