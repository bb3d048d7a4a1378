using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using SupportQueue.Client.Api;
using SupportQueue.Client.Cli;
using SupportQueue.Client.Connection;

namespace SupportQueue.Grains.Tests.Cli;

public class CliArgumentTests
{
    /// <summary>Fails the test if a command reaches for the cluster: bad input must contact nothing.</summary>
    private sealed class NoClusterConnector : ISupportQueueConnector
    {
        public int Connects { get; private set; }

        public Task<SupportQueueApi> ConnectAsync(ClusterCommandSettings settings, CancellationToken cancellationToken)
        {
            Connects++;
            throw new InvalidOperationException("The command contacted the cluster.");
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private static async Task<(int Exit, RecordingConsoles Output, NoClusterConnector Connector)> Run(params string[] args)
    {
        var output = new RecordingConsoles();
        var connector = new NoClusterConnector();
        var exit = await SupportQueueCli.RunAsync(args, output.Consoles, connector);
        return (exit, output, connector);
    }

    [Theory]
    [InlineData("--priority: 'P9' — must be P1, P2, P3 or P4", "ticket", "submit", "--desk", "d", "--priority", "P9")]
    [InlineData("--priority: '2' — must be P1, P2, P3 or P4", "ticket", "submit", "--desk", "d", "--priority", "2")]
    [InlineData("--priority: (missing) — is required", "ticket", "submit", "--desk", "d")]
    [InlineData("--desk: (missing) — is required", "ticket", "submit", "--priority", "P2")]
    [InlineData("--skill: 'billing:3' — a ticket names a skill without a level", "ticket", "submit", "--desk", "d", "--priority", "P2", "--skill", "billing:3")]
    [InlineData("presence: 'sleeping' — must be available, break or offline", "agent", "presence", "alice", "sleeping")]
    [InlineData("--skill: 'billing' — expected name:level with level 1 to 5", "agent", "add", "alice", "--desk", "d", "--tier", "L1", "--skill", "billing")]
    [InlineData("--skill: 'billing:7' — level '7' must be a whole number from 1 to 5", "agent", "add", "alice", "--desk", "d", "--tier", "L1", "--skill", "billing:7")]
    [InlineData("--skill: ':3' — expected name:level", "agent", "add", "alice", "--desk", "d", "--tier", "L1", "--skill", ":3")]
    [InlineData("--capacity: 'two' — must be a whole number from 1 to 1000", "agent", "add", "alice", "--desk", "d", "--tier", "L1", "--capacity", "two")]
    [InlineData("--tier: (missing) — is required", "agent", "add", "alice", "--desk", "d")]
    [InlineData("--reason: (missing) — is required", "agent", "escalate", "alice", "T-1")]
    [InlineData("--gateway: '70000' — must be a whole number from 1 to 65535", "desk", "status", "d", "--gateway", "70000")]
    [InlineData("--cluster: 'mars' — must be localhost or postgres", "desk", "status", "d", "--cluster", "mars")]
    [InlineData("--embedded: starts its own silo", "desk", "status", "d", "--embedded", "--gateway", "30001")]
    [InlineData(@"deskId: 'x\u001B[31m' — character 1 (U+001B) is not printable; ids are printable text", "desk", "configure", "x\u001b[31m", "file.json")]
    [InlineData(@"agentId: '\u0007bob' — character 0 (U+0007) is not printable", "agent", "add", "\u0007bob", "--desk", "d", "--tier", "L1")]
    [InlineData(@"--id: 'T\u000A1' — character 1 (U+000A) is not printable", "ticket", "submit", "--desk", "d", "--priority", "P2", "--id", "T\n1")]
    [InlineData("agentId: 'a b' — character 1 (U+0020) is a space; ids have no spaces", "agent", "show", "a b")]
    [InlineData("deskId: '\u00A0d' — character 0 (U+00A0) is a space", "desk", "status", "\u00A0d")]
    public async Task Bad_argument_names_argument_and_value_and_contacts_nothing(string expected, params string[] args)
    {
        var (exit, output, connector) = await Run(args);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("error: " + expected, output.Error, StringComparison.Ordinal);
        Assert.Equal(0, connector.Connects);
        Assert.Equal("", output.Out);
    }

    [Theory]
    [InlineData("Unknown command 'frob'", "desk", "frob")]
    [InlineData("Unknown option 'bogus'", "ticket", "show", "T-1", "--bogus")]
    [InlineData("missing required argument 'ticketId'", "ticket", "show")]
    public async Task Malformed_command_lines_are_bad_input(string expected, params string[] args)
    {
        var (exit, output, connector) = await Run(args);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains(expected, output.Error, StringComparison.Ordinal);
        Assert.Equal(0, connector.Connects);
    }

    [Fact]
    public async Task Invalid_settings_file_is_reported_and_nothing_is_sent()
    {
        var path = Path.Combine(Path.GetTempPath(), $"desk-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, """{ "tiers": [ { "name": "L1" } ], "selection": "Fastest", "colour": "red" }""");
        try
        {
            var (exit, output, connector) = await Run("desk", "configure", "support", path);

            Assert.Equal(ExitCodes.BadInput, exit);
            Assert.Contains("invalid desk settings, nothing was sent", output.Error, StringComparison.Ordinal);
            Assert.Contains("$.selection: \"Fastest\" — must be one of", output.Error, StringComparison.Ordinal);
            Assert.Equal(0, connector.Connects);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>
    /// An --out that cannot be written (a file where a directory is wanted, a directory where a
    /// file is wanted, a path under a file) is refused before any work: plan and simulate used to
    /// run to the end and then fail with "unexpected IOException", exit 1.
    /// </summary>
    [Theory]
    [InlineData("simulate", "file", "is a file; --out names a directory")]
    [InlineData("simulate", "under-file", "lies under the file")]
    [InlineData("plan", "file", "is a file; --out names a directory")]
    [InlineData("compare", "file", "is a file; --out names a directory")]
    [InlineData("fit", "directory", "is a directory; --out names a file")]
    [InlineData("fit", "under-file", "lies under the file")]
    [InlineData("export", "directory", "is a directory; --out names a file")]
    public async Task Unwritable_out_is_refused_before_anything_runs(string command, string kind, string reason)
    {
        using var temp = new SimulationCli.TestScenarios.TempDirectory();
        var scenario = temp.File("tiny.json", SimulationCli.TestScenarios.Tiny);
        var policy = temp.File("policy.json", """{ "tiers": [ { "name": "L1" }, { "name": "L2" }, { "name": "L3" } ] }""");
        var history = temp.File("history.csv", "id,created,priority,entryTier,outcome\nT1,2026-11-23T08:00:00Z,P2,L1,open\n");
        var file = temp.File("taken.txt", "not a directory");
        var output = kind switch
        {
            "file" => file,
            "under-file" => Path.Combine(file, "sub"),
            _ => temp.Path,
        };
        string[] args = command switch
        {
            "simulate" => ["simulate", scenario, "--out", output],
            "plan" => ["plan", scenario, "--out", output],
            "compare" => ["compare", scenario, "--policy", policy, "--policy", policy, "--out", output],
            "fit" => ["scenario", "fit", history, "--out", output],
            _ => ["desk", "export", "d", "--from", "2026-11-23", "--to", "2026-11-24", "--out", output],
        };

        var (exit, console, connector) = await Run(args);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains($"error: --out: '{output}' — {reason}", console.Error, StringComparison.Ordinal);
        Assert.Equal(0, connector.Connects);
        Assert.Equal("", console.Out);
        Assert.Equal("not a directory", await File.ReadAllTextAsync(file));
    }

    // Reading a directory fails as "Access to the path is denied": the message must say what is wrong.
    [Theory]
    [InlineData("simulate", "scenario.json")]
    [InlineData("plan", "scenario.json")]
    [InlineData("compare", "scenario.json")]
    [InlineData("compare --policy", "--policy")]
    [InlineData("compare --roster", "--roster")]
    [InlineData("simulate --arrivals", "--arrivals")]
    [InlineData("fit", "history")]
    [InlineData("fit --base", "--base")]
    [InlineData("desk configure", "settings.json")]
    public async Task A_directory_where_a_file_is_read_is_named_as_one(string command, string argument)
    {
        using var temp = new SimulationCli.TestScenarios.TempDirectory();
        var scenario = temp.File("tiny.json", SimulationCli.TestScenarios.Tiny);
        var policy = temp.File("policy.json", """{ "tiers": [ { "name": "L1" }, { "name": "L2" }, { "name": "L3" } ] }""");
        var history = temp.File("history.csv", "id,created,priority,entryTier,outcome\nT1,2026-11-23T08:00:00Z,P2,L1,open\n");
        var directory = temp.Path;
        string[] args = command switch
        {
            "simulate" => ["simulate", directory],
            "plan" => ["plan", directory],
            "compare" => ["compare", directory, "--policy", policy, "--policy", policy],
            "compare --policy" => ["compare", scenario, "--policy", policy, "--policy", directory],
            "compare --roster" => ["compare", scenario, "--policy", policy, "--policy", policy, "--roster", directory],
            "simulate --arrivals" => ["simulate", scenario, "--arrivals", directory],
            "fit" => ["scenario", "fit", directory],
            "fit --base" => ["scenario", "fit", history, "--base", directory],
            _ => ["desk", "configure", "d", directory],
        };

        var (exit, console, connector) = await Run(args);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains($"{argument}: '{directory}' — is a directory; a file is needed", console.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("denied", console.Error, StringComparison.Ordinal);
        Assert.Equal(0, connector.Connects);
    }

    [Fact]
    public async Task Help_explains_how_the_cluster_is_found()
    {
        var (exit, output, _) = await Run("ticket", "--help");

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("--embedded", output.Out, StringComparison.Ordinal);
        Assert.Contains("CLUSTER:", output.Out, StringComparison.Ordinal);
        Assert.Contains("dotnet run --project silo", output.Out, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Category", "RealTime")]
    public async Task Unreachable_cluster_fails_fast_with_a_clear_message()
    {
        var port = UnusedPort();
        var output = new RecordingConsoles();
        var connector = new ClusterConnector(new ConfigurationBuilder().Build());
        var watch = Stopwatch.StartNew();

        var exit = await SupportQueueCli.RunAsync(
            ["desk", "status", "support", "--gateway", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--connect-timeout", "1"],
            output.Consoles,
            connector);

        Assert.Equal(ExitCodes.ClusterUnavailable, exit);
        Assert.Contains($"error: no SupportQueue cluster reachable at localhost:{port}", output.Error, StringComparison.Ordinal);
        Assert.Contains("--embedded", output.Error, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Cluster_options_come_from_configuration_and_options_override_them()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["SupportQueue:GatewayPort"] = "30123", ["SupportQueue:ClusterId"] = "blue" })
            .Build();

        var fromConfig = ClusterOptionsResolver.Resolve(configuration, new ClusterCommandSettings());
        var overridden = ClusterOptionsResolver.Resolve(configuration, new ClusterCommandSettings { Gateway = "30999" });

        Assert.Equal(30123, fromConfig.GatewayPort);
        Assert.Equal("blue", fromConfig.ClusterId);
        Assert.Equal(30999, overridden.GatewayPort);
    }

    [Fact]
    public void Postgres_without_connection_string_is_a_settings_error()
    {
        var ex = Assert.Throws<ClusterSettingsException>(() =>
            ClusterOptionsResolver.Resolve(new ConfigurationBuilder().Build(), new ClusterCommandSettings { Cluster = "postgres" }));

        Assert.Contains(ex.Errors, e => e.Contains("ConnectionString", StringComparison.Ordinal));
    }

    private static int UnusedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
