using System.Net;
using System.Net.Sockets;

namespace SupportQueue.Integration.Tests.Durability;

/// <summary>Issue 11 defect 6: start-up refusals are one clear line and a non-zero exit code, never a stack trace.</summary>
public sealed class SiloStartupTests
{
    private static readonly TimeSpan _timeout = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("Storage", "Mongo")]
    [InlineData("Auth:PermitsPerSecond", "lots")]
    [InlineData("Dashboard:Profiler", "banana")]
    [InlineData("HttpUrl", "notaurl")]
    [InlineData("Auth:PermitsPerSecond", "-1")]
    public async Task A_value_that_does_not_bind_or_is_out_of_range_is_a_settings_error_with_exit_code_2(string key, string value)
    {
        var (exit, output) = await RunSiloAsync(new() { ["SupportQueue__" + key.Replace(":", "__", StringComparison.Ordinal)] = value });

        Assert.Equal(2, exit);
        Assert.Contains("SupportQueue:" + key, output, StringComparison.Ordinal);
        Assert.Contains(value, output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_silo_port_another_process_listens_on_is_refused_in_one_line_naming_the_setting()
    {
        // A listener with address reuse, as a running silo binds its ports.
        using var other = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        other.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        other.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        other.Listen();
        var port = ((IPEndPoint)other.LocalEndPoint!).Port;

        var (exit, output) = await RunSiloAsync(new()
        {
            ["SupportQueue__SiloPort"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["SupportQueue__GatewayPort"] = Postgres.PostgresServer.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["SupportQueue__HttpUrl"] = $"http://127.0.0.1:{Postgres.PostgresServer.FreePort()}",
        });

        Assert.NotEqual(0, exit);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains($"SupportQueue:SiloPort: port {port} is already in use", line, StringComparison.Ordinal);
    }

    // A silo that starts instead of refusing times out here.
    private static Task<(int ExitCode, string Output)> RunSiloAsync(Dictionary<string, string> environment) =>
        SiloCommand.RunAsync([], environment, _timeout);
}
