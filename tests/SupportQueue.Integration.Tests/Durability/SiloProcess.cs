using System.Diagnostics;
using System.Text;
using SupportQueue.Integration.Tests.Postgres;

namespace SupportQueue.Integration.Tests.Durability;

/// <summary>
/// A real silo process (the production SupportQueue.Silo entry point) on PostgreSQL, its own ports
/// on 127.0.0.1, output kept for failure messages. Disposing kills it if it still runs, so a failed
/// test never leaves a silo behind.
/// </summary>
internal sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private SiloProcess(string name, Process process, int siloPort, int gatewayPort)
    {
        Name = name;
        _process = process;
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
    }

    public string Name { get; }

    public int SiloPort { get; }

    public int GatewayPort { get; }

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the silo built next to the tests (the test project references the silo project, so its output is here).</summary>
    public static SiloProcess Start(string name, string connectionString, string clusterId, IReadOnlyDictionary<string, string> settings)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "SupportQueue.Silo.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is missing; the test project references the silo project, so building the tests should have put it there.");
        }

        var siloPort = PostgresServer.FreePort();
        var gatewayPort = PostgresServer.FreePort();
        while (gatewayPort == siloPort)
        {
            gatewayPort = PostgresServer.FreePort();
        }

        var start = new ProcessStartInfo
        {
            // Under dotnet test this names the same host that runs the tests.
            FileName = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet",
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        var environment = new Dictionary<string, string>
        {
            ["SupportQueue__Storage"] = "PostgreSQL",
            ["SupportQueue__ConnectionString"] = connectionString,
            ["SupportQueue__ClusterId"] = clusterId,
            ["SupportQueue__ServiceId"] = clusterId,
            ["SupportQueue__SiloPort"] = siloPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["SupportQueue__GatewayPort"] = gatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // Only memory mode reads it: a memory-mode silo started here is its own primary.
            ["SupportQueue__PrimarySiloPort"] = siloPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["SupportQueue__HttpUrl"] = $"http://127.0.0.1:{PostgresServer.FreePort()}",
            ["SupportQueue__MigrateOnStart"] = "true",
            ["SupportQueue__DeskDiagnostics"] = "true",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__SupportQueue"] = "Information",
            ["DOTNET_gcServer"] = "0",
        };
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start };
        var silo = new SiloProcess(name, process, siloPort, gatewayPort);
        process.OutputDataReceived += (_, e) => silo.Append(e.Data);
        process.ErrorDataReceived += (_, e) => silo.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return silo;
    }

    /// <summary>SIGKILL: no shutdown, no goodbye to the membership table.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            Kill();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (InvalidOperationException)
        {
            // Never started.
        }
        finally
        {
            _process.Dispose();
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Append(Name).Append(": ").AppendLine(line);
        }
    }
}
