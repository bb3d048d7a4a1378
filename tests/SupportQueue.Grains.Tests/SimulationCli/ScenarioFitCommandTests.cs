using SupportQueue.Client.Api;
using SupportQueue.Client.Cli;
using SupportQueue.Client.Connection;
using SupportQueue.Grains.Tests.Cli;

namespace SupportQueue.Grains.Tests.SimulationCli;

/// <summary><c>scenario fit</c> and <c>simulate --arrivals</c> at the command line: figures printed, draft written, bad input exit 2 with nothing written.</summary>
public sealed class ScenarioFitCommandTests
{
    private const string Header = "id,created,priority,skills,class,entryTier,tiers,handling,escalations,firstResponse,outcome,ended\n";

    /// <summary>Refuses to connect: neither command may start a silo for bad input, and fit never needs one.</summary>
    private sealed class NoCluster : ISupportQueueConnector
    {
        public Task<SupportQueueApi> ConnectAsync(ClusterCommandSettings settings, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("contacted a cluster");

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private static async Task<(int Exit, RecordingConsoles Output)> Run(params string[] args)
    {
        var output = new RecordingConsoles();
        var exit = await SupportQueueCli.RunAsync(args, output.Consoles, new NoCluster());
        return (exit, output);
    }

    [Fact]
    public async Task Fit_of_the_sample_prints_the_figures_and_writes_a_scenario_that_loads()
    {
        using var temp = new TestScenarios.TempDirectory();
        var draft = Path.Combine(temp.Path, "fitted.json");

        var (exit, output) = await Run("scenario", "fit", Path.Combine(TestScenarios.ScenariosDirectory, "samples", "history-week.csv"), "--out", draft);

        Assert.True(exit == ExitCodes.Ok, output.Out + output.Error);
        Assert.Contains("Fitted 3567 tickets over 7 day(s)", output.Out, StringComparison.Ordinal);
        Assert.Contains("D lognormal", output.Out, StringComparison.Ordinal);
        Assert.Contains("mean patience (exponential MLE)", output.Out, StringComparison.Ordinal);
        var read = ScenarioJson.LoadFile(draft);
        Assert.True(read.IsValid, string.Join("\n", read.Errors));
        Assert.Equal(["billing", "outage"], read.Value!.TicketClasses.Select(c => c.Name).ToArray());

        // The draft carries a scheduling section plan accepts: one all-hours template per tier.
        var plan = ScenarioPlanJson.LoadFile(draft);
        Assert.True(plan.IsValid, string.Join("\n", plan.Errors));
        Assert.Equal(["L1-shift", "L2-shift"], plan.Value!.Scheduling.Templates.Select(t => t.Name).ToArray());
        Assert.Equal(24, plan.Value.Scheduling.Templates[0].StartTimes.Length);
        Assert.Empty(plan.Value.Scheduling.Validate(plan.Value.Scenario));
    }

    [Fact]
    public async Task Fit_of_a_malformed_history_exits_2_naming_row_and_field_and_writes_nothing()
    {
        using var temp = new TestScenarios.TempDirectory();
        var history = temp.File("h.csv", Header
            + "A,2026-11-23T08:05:00Z,P3,,,L1,L1,L1=3,,0,resolved,\n"
            + "B,2026-11-23T08:00:00Z,P3,,,L1,L1,L1=-2,,0,resolved,\n");
        var draft = Path.Combine(temp.Path, "fitted.json");

        var (exit, output) = await Run("scenario", "fit", history, "--out", draft);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("row 3, handling.L1: '-2' — must be ≥ 0 minutes", output.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(draft));
    }

    [Fact]
    public async Task Simulate_refuses_a_trace_naming_a_tier_the_desk_lacks_before_any_silo_starts()
    {
        using var temp = new TestScenarios.TempDirectory();
        var scenario = temp.File("s.json", TestScenarios.Tiny);
        var trace = temp.File("t.csv", Header + "A,2026-11-23T08:05:00Z,P3,,,L1,L1;L9,,,0,resolved,\n");

        var (exit, output) = await Run("simulate", scenario, "--arrivals", trace);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("row 2, tiers: 'L9' — unknown tier", output.Error, StringComparison.Ordinal);
    }
}
