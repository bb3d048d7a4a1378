using Microsoft.Extensions.Configuration;
using SupportQueue.Client.Api;
using SupportQueue.Client.Cli;
using SupportQueue.Client.Connection;
using SupportQueue.Client.Simulation;
using SupportQueue.Grains.Tests.Cli;

namespace SupportQueue.Grains.Tests.SimulationCli;

public class SimulateCommandTests(CliTestCluster cluster) : IClassFixture<CliTestCluster>
{
    /// <summary>Counts connection attempts and refuses them: bad input must not reach for a cluster.</summary>
    private sealed class CountingConnector : ISupportQueueConnector
    {
        public int Connects { get; private set; }

        public Task<SupportQueueApi> ConnectAsync(ClusterCommandSettings settings, CancellationToken cancellationToken)
        {
            Connects++;
            throw new InvalidOperationException("The command contacted the cluster.");
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private async Task<(int Exit, RecordingConsoles Output)> Simulate(params string[] args)
    {
        var output = new RecordingConsoles();
        var exit = await SupportQueueCli.RunAsync(["simulate", .. args], output.Consoles, new FixedConnector(cluster.Client));
        return (exit, output);
    }

    private static async Task<(int Exit, RecordingConsoles Output, CountingConnector Connector)> SimulateBad(params string[] args)
    {
        var output = new RecordingConsoles();
        var connector = new CountingConnector();
        var exit = await SupportQueueCli.RunAsync(["simulate", .. args], output.Consoles, connector);
        return (exit, output, connector);
    }

    [Fact]
    public async Task Tiny_scenario_runs_end_to_end_and_writes_every_output()
    {
        using var temp = new TestScenarios.TempDirectory();
        var file = temp.File("tiny.json", TestScenarios.Tiny);
        var outDir = Path.Combine(temp.Path, "out");

        var (exit, output) = await Simulate(file, "--out", outDir);

        Assert.True(exit == ExitCodes.Ok, output.Out + output.Error);
        Assert.Equal("", output.Error);
        foreach (var name in SimulationOutput.FileNames)
        {
            Assert.True(File.Exists(Path.Combine(outDir, name)), $"{name} missing");
        }

        Assert.Contains("Simulating tiny desk", output.Out, StringComparison.Ordinal);
        Assert.Contains("Service-level objective: 80.0 % of tickets get a first response within 00:05:00", output.Out, StringComparison.Ordinal);
        Assert.Contains("80.0 % ≤ 00:05:00", output.Out, StringComparison.Ordinal);
        Assert.Contains("Staffing plan: peak interval per tier", output.Out, StringComparison.Ordinal);
        Assert.Contains("First response met", output.Out, StringComparison.Ordinal);
        Assert.Contains("report.html", output.Out, StringComparison.Ordinal);

        var summary = SimulationSummaryJson.Read(await File.ReadAllTextAsync(Path.Combine(outDir, "summary.json")));
        Assert.Equal("tiny desk", summary.Scenario);
        Assert.Equal(2, summary.Replications);
        Assert.Equal(16, summary.Series.IntervalStarts.Count);
        Assert.Equal(["L1", "L2", "L3"], summary.Series.Tiers.Keys.Order(StringComparer.Ordinal));
        Assert.True(summary.Totals["L1.offered"].Mean > 0);

        var html = await File.ReadAllTextAsync(Path.Combine(outDir, "report.html"));
        Assert.Equal(5, CountOf(html, "<svg"));
        Assert.Equal(TestScenarios.Tiny, await File.ReadAllTextAsync(Path.Combine(outDir, "scenario.json")));
    }

    [Fact]
    public async Task Replications_and_seed_override_the_file()
    {
        using var temp = new TestScenarios.TempDirectory();
        var file = temp.File("tiny.json", TestScenarios.Tiny);

        var (exit, output) = await Simulate(file, "--replications", "3", "--seed", "99", "--out", Path.Combine(temp.Path, "a"));
        var (again, _) = await Simulate(file, "--replications", "3", "--seed", "99", "--out", Path.Combine(temp.Path, "b"));

        Assert.True(exit == ExitCodes.Ok && again == ExitCodes.Ok, output.Error);
        Assert.Contains("3 replication(s), seed 99", output.Out, StringComparison.Ordinal);
        var a = SimulationSummaryJson.Read(await File.ReadAllTextAsync(Path.Combine(temp.Path, "a", "summary.json")));
        var b = SimulationSummaryJson.Read(await File.ReadAllTextAsync(Path.Combine(temp.Path, "b", "summary.json")));
        Assert.Equal(3, a.Replications);
        Assert.Equal(99UL, a.Seed);
        Assert.Equal(3, a.Totals["arrivals"].N);

        // Same seed, same numbers: a run can be reproduced from its summary.
        Assert.Equal(a.Totals["arrivals"], b.Totals["arrivals"]);
        Assert.Equal(a.Totals["serviceLevel"], b.Totals["serviceLevel"]);
    }

    [Fact]
    public async Task Horizon_and_warm_up_override_the_file()
    {
        using var temp = new TestScenarios.TempDirectory();
        var file = temp.File("tiny.json", TestScenarios.Tiny);
        var outDir = Path.Combine(temp.Path, "out");

        var (exit, output) = await Simulate(file, "--horizon", "02:00:00", "--warm-up", "01:00:00", "--replications", "1", "--out", outDir);

        Assert.True(exit == ExitCodes.Ok, output.Out + output.Error);
        var summary = SimulationSummaryJson.Read(await File.ReadAllTextAsync(Path.Combine(outDir, "summary.json")));
        Assert.Equal(120, summary.HorizonMinutes);
        Assert.Equal(60, summary.WarmUpMinutes);
        Assert.Equal(8, summary.Series.IntervalStarts.Count);

        // Nothing is counted in the four warm-up intervals, time included.
        Assert.All(summary.Series.Tiers["L1"].Offered.Take(4), v => Assert.Equal(0.0, v));
        Assert.All(summary.Series.Tiers["L1"].StaffedAgents.Take(4), v => Assert.Equal(0.0, v));
        Assert.True(summary.Series.Tiers["L1"].Offered.Skip(4).Sum() > 0);
    }

    [Fact]
    public async Task A_warm_up_override_as_long_as_the_horizon_is_refused_naming_the_field()
    {
        using var temp = new TestScenarios.TempDirectory();
        var file = temp.File("tiny.json", TestScenarios.Tiny);

        var (exit, output, connector) = await SimulateBad(file, "--warm-up", "04:00:00");

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("$.warmUp: 04:00:00 — must be between zero and the horizon", output.Error, StringComparison.Ordinal);
        Assert.Equal(0, connector.Connects);
    }

    [Fact]
    public async Task Default_output_directory_is_out_scenario_timestamp_under_the_working_directory()
    {
        using var temp = new TestScenarios.TempDirectory();
        var file = temp.File("tiny.json", TestScenarios.Tiny);
        var before = Directory.GetCurrentDirectory();
        try
        {
            Directory.SetCurrentDirectory(temp.Path);
            var (exit, output) = await Simulate(file, "--replications", "1");

            Assert.True(exit == ExitCodes.Ok, output.Error);
        }
        finally
        {
            Directory.SetCurrentDirectory(before);
        }

        var run = Assert.Single(Directory.GetDirectories(Path.Combine(temp.Path, "out")));
        Assert.Matches(@"tiny-desk-\d{8}-\d{6}$", run);
        Assert.True(File.Exists(Path.Combine(run, "report.html")));
    }

    [Theory]
    [InlineData("unknown field", "\"seed\": 5,", "\"seed\": 5, \"colour\": \"red\",", "$.colour", "$.colour: \"red\" — unknown field (line")]
    [InlineData("negative mean", "\"L1\": { \"kind\": \"exponential\", \"mean\": 4 }", "\"L1\": { \"kind\": \"exponential\", \"mean\": -4 }", "$.ticketClasses[0].handling.L1.mean", "-4 — must be > 0")]
    [InlineData("unknown tier", "{ \"name\": \"l2\", \"tier\": \"L2\", \"count\": 2 }", "{ \"name\": \"l2\", \"tier\": \"L9\", \"count\": 2 }", "$.roster.groups[1].tier", "'L9' — no such tier on the desk (L1, L2, L3)")]
    [InlineData("wrong type", "\"replications\": 2,", "\"replications\": \"two\",", "$.replications", "$.replications: \"two\" — must be a whole number (line")]
    [InlineData("bad distribution kind", "\"kind\": \"exponential\", \"mean\": 30", "\"kind\": \"poisson\", \"mean\": 30", "$.ticketClasses[0].patience.kind", "$.ticketClasses[0].patience.kind: \"poisson\" — must be one of exponential, lognormal, gamma, fixed, empirical, uniform (line")]
    public async Task Bad_scenario_names_path_and_value_exits_2_and_runs_nothing(string what, string from, string to, string path, string detail)
    {
        using var temp = new TestScenarios.TempDirectory();
        Assert.Contains(from, TestScenarios.Tiny, StringComparison.Ordinal);
        var file = temp.File("bad.json", TestScenarios.Tiny.Replace(from, to, StringComparison.Ordinal));
        var outDir = Path.Combine(temp.Path, "out");

        var (exit, output, connector) = await SimulateBad(file, "--out", outDir);

        Assert.True(exit == ExitCodes.BadInput, what);
        Assert.Contains($"error: {file}: invalid scenario, nothing was run", output.Error, StringComparison.Ordinal);
        Assert.Contains(path, output.Error, StringComparison.Ordinal);
        Assert.Contains(detail, output.Error, StringComparison.Ordinal);
        Assert.Equal(0, connector.Connects);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public async Task Every_validation_problem_is_listed()
    {
        using var temp = new TestScenarios.TempDirectory();
        var file = temp.File("bad.json", TestScenarios.Tiny
            .Replace("\"count\": 4", "\"count\": -1", StringComparison.Ordinal)
            .Replace("\"target\": 0.8", "\"target\": 1.5", StringComparison.Ordinal));

        var (exit, output, _) = await SimulateBad(file);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("$.roster.groups[0].count: -1 — must be between 0 and 100000", output.Error, StringComparison.Ordinal);
        Assert.Contains("$.serviceLevel.target: 1.5 — must be in (0, 1]", output.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--replications: '0' — must be a whole number from 1 to 10000", "--replications", "0")]
    [InlineData("--seed: '-3' — must be a whole number", "--seed", "-3")]
    [InlineData("--mode: 'warp' — must be fast or grains", "--mode", "warp")]
    [InlineData("--horizon: 'two days' — must be a duration", "--horizon", "two days")]
    [InlineData("--warm-up: '1h' — must be a duration", "--warm-up", "1h")]
    [InlineData("--embedded: starts its own silo", "--embedded", "--gateway", "30001")]
    public async Task Bad_arguments_are_refused_before_anything_runs(string expected, params string[] args)
    {
        using var temp = new TestScenarios.TempDirectory();
        var file = temp.File("tiny.json", TestScenarios.Tiny);

        var (exit, output, connector) = await SimulateBad([file, .. args]);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("error: " + expected, output.Error, StringComparison.Ordinal);
        Assert.Equal(0, connector.Connects);
    }

    [Fact]
    public async Task Missing_scenario_file_is_bad_input()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}.json");

        var (exit, output, connector) = await SimulateBad(path);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains($"error: scenario.json: '{path}' — file not found", output.Error, StringComparison.Ordinal);
        Assert.Equal(0, connector.Connects);
    }

    [Fact]
    public async Task Without_a_cluster_simulate_starts_its_own_silo()
    {
        using var temp = new TestScenarios.TempDirectory();
        var file = temp.File("tiny.json", TestScenarios.Tiny);
        var output = new RecordingConsoles();

        // No --embedded, no cluster options, empty configuration: the default for simulate is in-process.
        var exit = await SupportQueueCli.RunAsync(
            ["simulate", file, "--replications", "1", "--out", Path.Combine(temp.Path, "out")],
            output.Consoles,
            new ClusterConnector(new ConfigurationBuilder().Build()));

        Assert.True(exit == ExitCodes.Ok, output.Out + output.Error);
        Assert.True(File.Exists(Path.Combine(temp.Path, "out", "summary.json")));
    }

    [Fact]
    public void Simulate_is_embedded_only_when_no_cluster_is_named()
    {
        Assert.True(new Client.Commands.SimulateSettings().EmbeddedWhenNoCluster);
        Assert.False(new Client.Commands.DeskStatusSettings().EmbeddedWhenNoCluster);
        Assert.True(new Client.Commands.SimulateSettings { Gateway = "30000" }.NamesCluster);
        Assert.True(ClusterOptionsResolver.IsConfigured(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["SupportQueue:GatewayPort"] = "30123" }).Build()));
        Assert.False(ClusterOptionsResolver.IsConfigured(new ConfigurationBuilder().Build()));
    }

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
