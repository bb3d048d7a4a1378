using System.Globalization;
using SupportQueue.Client.Api;
using SupportQueue.Client.Cli;
using SupportQueue.Client.Connection;
using SupportQueue.Client.Planning;
using SupportQueue.Client.Simulation;
using SupportQueue.Grains.Tests.Cli;
using SupportQueue.Grains.Tests.SimulationCli;

namespace SupportQueue.Grains.Tests.PlanCli;

public class PlanCommandTests(CliTestCluster cluster) : IClassFixture<CliTestCluster>
{
    /// <summary>Refuses to connect: bad input must not reach for a cluster.</summary>
    private sealed class RefusingConnector : ISupportQueueConnector
    {
        public int Connects { get; private set; }

        public Task<SupportQueueApi> ConnectAsync(ClusterCommandSettings settings, CancellationToken cancellationToken)
        {
            Connects++;
            throw new InvalidOperationException("The command contacted the cluster.");
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private async Task<(int Exit, RecordingConsoles Output)> Run(params string[] args)
    {
        var output = new RecordingConsoles();
        var exit = await SupportQueueCli.RunAsync(args, output.Consoles, new FixedConnector(cluster.Client));
        return (exit, output);
    }

    private static async Task<(int Exit, RecordingConsoles Output, RefusingConnector Connector)> PlanBad(params string[] args)
    {
        var output = new RecordingConsoles();
        var connector = new RefusingConnector();
        var exit = await SupportQueueCli.RunAsync(["plan", .. args], output.Consoles, connector);
        return (exit, output, connector);
    }

    [Fact]
    public async Task Plans_a_small_scenario_end_to_end_and_simulate_reproduces_the_verified_figures()
    {
        using var temp = new TestScenarios.TempDirectory();
        var file = temp.File("small.json", PlanScenarios.Small);
        var outDir = Path.Combine(temp.Path, "plan");

        var (exit, output) = await Run("plan", file, "--out", outDir);

        Assert.True(exit == ExitCodes.Ok, output.Out + output.Error);
        Assert.Equal("", output.Error);
        foreach (var name in PlanOutput.FileNames)
        {
            Assert.True(File.Exists(Path.Combine(outDir, name)), $"{name} missing");
        }

        Assert.Contains("Planning small plan", output.Out, StringComparison.Ordinal);
        Assert.Contains("Verified with fresh seeds", output.Out, StringComparison.Ordinal);
        Assert.Contains("Erlang-based roster from the same solver", output.Out, StringComparison.Ordinal);

        var roster = (await File.ReadAllLinesAsync(Path.Combine(outDir, "roster.csv"))).Select(l => l.Split(',')).ToList();
        Assert.Equal(PlanCsv.RosterHeader, string.Join(',', roster[0]));
        Assert.True(roster.Count > 1, "the roster has no shift");
        Assert.All(roster.Skip(1), r => Assert.Contains(r[0], new[] { "L1", "L2" }));
        Assert.All(roster.Skip(1), r => Assert.True(int.Parse(r[7], CultureInfo.InvariantCulture) > 0));

        var requirements = (await File.ReadAllLinesAsync(Path.Combine(outDir, "requirements.csv"))).Select(l => l.Split(',')).ToList();
        var header = requirements[0];
        Assert.Equal(PlanCsv.RequirementsHeader, string.Join(',', header));
        Assert.Equal(1 + (16 * 2), requirements.Count);

        // The planned scenario, simulated as it is, gives the verification's service level in every interval and tier.
        var simulated = Path.Combine(temp.Path, "simulated");
        var (again, simulateOutput) = await Run("simulate", Path.Combine(outDir, "scenario.planned.json"), "--out", simulated);
        Assert.True(again == ExitCodes.Ok, simulateOutput.Out + simulateOutput.Error);
        var summary = SimulationSummaryJson.Read(await File.ReadAllTextAsync(Path.Combine(simulated, "summary.json")));
        int Col(string name) => Array.IndexOf(header, name);
        var compared = 0;
        foreach (var row in requirements.Skip(1).Where(r => r[Col("service_level")] != ""))
        {
            var series = summary.Series.Tiers[row[Col("tier")]];
            var interval = int.Parse(row[Col("interval")], CultureInfo.InvariantCulture);
            var expected = double.Parse(row[Col("service_level")], CultureInfo.InvariantCulture);
            Assert.Equal(expected, series.AnsweredWithinThreshold[interval]!.Value / series.Offered[interval]!.Value, 5);
            compared++;
        }

        Assert.True(compared >= 16, $"only {compared} loaded intervals compared");
    }

    [Theory]
    [InlineData("start off the grid", "\"startTimes\": [ \"08:00:00\" ], \"lengths\": [ \"08:30:00\" ]", "\"startTimes\": [ \"08:10:00\" ], \"lengths\": [ \"08:30:00\" ]",
        "$.scheduling.templates[0].startTimes[0]: 08:10:00 — must be a time of day on the 30-minute interval grid")]
    [InlineData("breaks that do not fit", "\"lengths\": [ \"08:30:00\" ]", "\"lengths\": [ \"03:00:00\" ]",
        "$.scheduling.templates[0].lengths[0]: 03:00:00 — too short for the template's breaks")]
    [InlineData("template on no day of the horizon", "{ \"name\": \"L2-full\", \"tier\": \"L2\",", "{ \"name\": \"L2-full\", \"tier\": \"L2\", \"days\": [ \"Sunday\" ],",
        "$.scheduling.templates[2].days: [Sunday] — none of these days is in the horizon (Monday): the template covers no interval")]
    [InlineData("free shift", "\"costPerPaidHour\": 30", "\"costPerPaidHour\": 0",
        "$.scheduling.templates[2].costPerPaidHour: 0 — must be positive")]
    [InlineData("unknown field", "\"costPerPaidHour\": 30", "\"costPerPaidHour\": 30, \"colour\": \"red\"",
        "$.scheduling.templates[2].colour: \"red\" — unknown field (line")]
    [InlineData("no scheduling section", "\"scheduling\": {", "\"_scheduling\": {",
        "$._scheduling: {…} — unknown field")]
    public async Task Bad_scheduling_names_path_and_value_exits_2_and_writes_nothing(string what, string from, string to, string detail)
    {
        using var temp = new TestScenarios.TempDirectory();
        Assert.Contains(from, PlanScenarios.Small, StringComparison.Ordinal);
        var file = temp.File("bad.json", PlanScenarios.Small.Replace(from, to, StringComparison.Ordinal));
        var outDir = Path.Combine(temp.Path, "out");

        var (exit, output, connector) = await PlanBad(file, "--out", outDir);

        Assert.True(exit == ExitCodes.BadInput, what + ": " + output.Out + output.Error);
        Assert.Contains($"error: {file}: invalid scenario, nothing was planned", output.Error, StringComparison.Ordinal);
        Assert.Contains(detail, output.Error, StringComparison.Ordinal);
        Assert.Equal(0, connector.Connects);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public async Task A_cap_below_the_templates_minimum_is_refused_as_below_any_feasible_roster()
    {
        using var temp = new TestScenarios.TempDirectory();
        var file = temp.File("cap.json", PlanScenarios.Small
            .Replace("\"costPerPaidHour\": 30", "\"costPerPaidHour\": 30, \"minPerDay\": 2", StringComparison.Ordinal)
            .Replace("\"solver\":", "\"headCountCaps\": { \"L2\": 1 }, \"solver\":", StringComparison.Ordinal));
        var outDir = Path.Combine(temp.Path, "out");

        var (exit, output, connector) = await PlanBad(file, "--out", outDir);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("$.scheduling.headCountCaps.L2: 1 — below any feasible roster: on Mon 23 Nov the templates need at least 2 people (L2-full minPerDay 2)", output.Error, StringComparison.Ordinal);
        Assert.Equal(0, connector.Connects);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public async Task A_scenario_without_a_scheduling_section_is_refused_naming_it()
    {
        using var temp = new TestScenarios.TempDirectory();
        var file = temp.File("tiny.json", TestScenarios.Tiny);

        var (exit, output, connector) = await PlanBad(file);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("$.scheduling: (none) — required by plan", output.Error, StringComparison.Ordinal);
        Assert.Equal(0, connector.Connects);
    }

    [Theory]
    [InlineData("--seed: '-3' — must be a whole number", "--seed", "-3")]
    [InlineData("scenario.json: ", "missing.json")]
    public async Task Bad_arguments_are_refused_before_anything_runs(string expected, params string[] args)
    {
        using var temp = new TestScenarios.TempDirectory();
        var file = temp.File("small.json", PlanScenarios.Small);
        string[] full = args[0] == "missing.json" ? [Path.Combine(temp.Path, "missing.json")] : [file, .. args];

        var (exit, output, connector) = await PlanBad(full);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains(expected, output.Error, StringComparison.Ordinal);
        Assert.Equal(0, connector.Connects);
    }
}
