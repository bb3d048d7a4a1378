using System.Text.Json;
using SupportQueue.Client.Api;
using SupportQueue.Client.Cli;
using SupportQueue.Client.Commands;
using SupportQueue.Client.Connection;
using SupportQueue.Grains.Tests.Cli;
using SupportQueue.Reporting.Comparison;

namespace SupportQueue.Grains.Tests.SimulationCli;

/// <summary>
/// supportqueue compare: the what-if in virtual time. The case is built so one policy is clearly
/// better: L1 is short of agents while L2 sits idle; "borrow" lets L2 take waiting L1 tickets.
/// </summary>
public sealed class CompareCommandTests
{
    public const string ShortL1Scenario = """
        {
          "name": "short-l1",
          "start": "2026-11-23T08:00:00",
          "horizon": "12:00:00",
          "warmUp": "01:00:00",
          "replications": 3,
          "seed": 42,
          "desk": { "tiers": [ { "name": "L1" }, { "name": "L2" } ] },
          "roster": { "groups": [ { "name": "l1", "tier": "L1", "count": 3 }, { "name": "l2", "tier": "L2", "count": 3 } ] },
          "ticketClasses": [
            { "name": "call", "share": 1, "priority": "P2",
              "handling": { "*": { "kind": "exponential", "mean": 5 } },
              "patience": { "kind": "exponential", "mean": 15 } }
          ],
          "demand": { "baseVolume": 20, "intervalMinutes": 30 },
          "serviceLevel": { "threshold": "00:02:00", "target": 0.8 }
        }
        """;

    public const string StrictPolicy = """
        { "tiers": [ { "name": "L1" }, { "name": "L2" } ], "agingStep": null, "borrowing": { "enabled": false, "minWait": "00:01:00" } }
        """;

    public const string BorrowPolicy = """
        { "tiers": [ { "name": "L1" }, { "name": "L2" } ], "agingStep": null, "borrowing": { "enabled": true, "minWait": "00:01:00" } }
        """;

    /// <summary>Refuses to connect: compare must never need a cluster.</summary>
    private sealed class NoCluster : ISupportQueueConnector
    {
        public Task<SupportQueueApi> ConnectAsync(ClusterCommandSettings settings, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("compare contacted a cluster");

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private static async Task<(int Exit, RecordingConsoles Output)> Compare(params string[] args)
    {
        var output = new RecordingConsoles();
        var exit = await SupportQueueCli.RunAsync(["compare", .. args], output.Consoles, new NoCluster());
        return (exit, output);
    }

    /// <summary>The scenario's name is text from the file, not a path: "../.." in it must not move the report out of out/.</summary>
    [Theory]
    [InlineData("../../../../tmp/elsewhere", "compare-tmp-elsewhere")]
    [InlineData("/etc/cron.d/x", "compare-etc-cron.d-x")]
    [InlineData("retail: peak", "compare-retail--peak")]
    public void Default_directory_stays_under_out_whatever_the_scenario_is_called(string name, string expected)
    {
        var baseDirectory = Path.Combine(Path.GetTempPath(), "compare-base");

        var directory = CompareCommand.DefaultDirectory(baseDirectory, name);

        Assert.Equal(Path.Combine(baseDirectory, "out", expected), Path.GetFullPath(directory));
    }

    [Fact]
    public async Task Clearly_better_policy_wins_with_a_paired_interval_and_every_output_is_written()
    {
        using var temp = new TestScenarios.TempDirectory();
        var scenario = temp.File("short-l1.json", ShortL1Scenario);
        var strict = temp.File("strict.json", StrictPolicy);
        var borrow = temp.File("borrow.json", BorrowPolicy);
        var outDir = Path.Combine(temp.Path, "out");

        var (exit, output) = await Compare(scenario, "--policy", strict, "--policy", borrow, "--out", outDir, "--threshold", "L1 service_level >= 0");

        Assert.True(exit == ExitCodes.Ok, output.Out + output.Error);
        Assert.Contains("borrow raises L1 service level by", output.Out, StringComparison.Ordinal);
        foreach (var name in new[] { PolicyComparisonReport.FileNames.Markdown, PolicyComparisonReport.FileNames.Csv, PolicyComparisonReport.FileNames.Html, PolicyComparisonReport.FileNames.Json })
        {
            Assert.True(File.Exists(Path.Combine(outDir, name)), $"{name} missing");
        }

        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(outDir, PolicyComparisonReport.FileNames.Json)));
        Assert.True(summary.RootElement.GetProperty("passed").GetBoolean());
        Assert.Equal(3, summary.RootElement.GetProperty("seeds").GetArrayLength());
        var l1 = summary.RootElement.GetProperty("rows").EnumerateArray()
            .Single(r => r.GetProperty("tier").GetString() == "L1" && r.GetProperty("metric").GetString() == "service_level" && r.GetProperty("policy").GetString() == "borrow");
        var difference = l1.GetProperty("difference");
        Assert.True(difference.GetProperty("mean").GetDouble() - difference.GetProperty("halfWidth").GetDouble() > 0);
        Assert.Contains("<svg", await File.ReadAllTextAsync(Path.Combine(outDir, PolicyComparisonReport.FileNames.Html)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_threshold_exits_1_and_names_the_policy()
    {
        using var temp = new TestScenarios.TempDirectory();
        var (exit, output) = await Compare(temp.File("s.json", ShortL1Scenario), "--policy", temp.File("strict.json", StrictPolicy), "--policy", temp.File("borrow.json", BorrowPolicy),
            "--out", Path.Combine(temp.Path, "out"), "--threshold", "L1 service_level >= 0.99");

        Assert.Equal(ExitCodes.Failed, exit);
        Assert.Contains("L1 service_level >= 0.99: policy strict", output.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_exits_2_with_the_errors_simulate_gives()
    {
        using var temp = new TestScenarios.TempDirectory();
        var strict = temp.File("strict.json", StrictPolicy);
        var scenario = temp.File("s.json", ShortL1Scenario);

        var (oneExit, one) = await Compare(scenario, "--policy", strict);
        Assert.Equal(ExitCodes.BadInput, oneExit);
        Assert.Contains("give at least two policy files", one.Error, StringComparison.Ordinal);

        var bad = temp.File("bad.json", ShortL1Scenario.Replace("\"count\": 3 }", "\"count\": -1 }", StringComparison.Ordinal));
        var (badExit, badOutput) = await Compare(bad, "--policy", strict, "--policy", strict);
        var simulateOutput = new RecordingConsoles();
        var simulateExit = await SupportQueueCli.RunAsync(["simulate", bad], simulateOutput.Consoles, new NoCluster());
        Assert.Equal(ExitCodes.BadInput, badExit);
        Assert.Equal(simulateExit, badExit);
        Assert.Equal(simulateOutput.Error, badOutput.Error);
        Assert.Contains("$.roster.groups[0].count", badOutput.Error, StringComparison.Ordinal);

        var wrongTiers = temp.File("three.json", """{ "tiers": [ { "name": "front" }, { "name": "back" } ] }""");
        var (fitExit, fit) = await Compare(scenario, "--policy", strict, "--policy", wrongTiers);
        Assert.Equal(ExitCodes.BadInput, fitExit);
        Assert.Contains("policy does not fit scenario", fit.Error, StringComparison.Ordinal);

        var (thresholdExit, threshold) = await Compare(scenario, "--policy", strict, "--policy", strict, "--threshold", "L1 speed >= 1");
        Assert.Equal(ExitCodes.BadInput, thresholdExit);
        Assert.Contains("unknown metric 'speed'", threshold.Error, StringComparison.Ordinal);
    }
}
