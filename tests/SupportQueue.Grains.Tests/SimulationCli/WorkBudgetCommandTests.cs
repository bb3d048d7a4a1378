using SupportQueue.Client.Api;
using SupportQueue.Client.Cli;
using SupportQueue.Client.Connection;
using SupportQueue.Grains.Tests.Cli;

namespace SupportQueue.Grains.Tests.SimulationCli;

/// <summary>
/// Issue 11 defect 4: a simulation whose estimated work is over the budget is refused before any
/// silo starts, with exit 2 and a message naming what drives it and the option that raises it.
/// </summary>
public sealed class WorkBudgetCommandTests
{
    /// <summary>Refuses to connect: a refused simulation must not reach for a cluster.</summary>
    private sealed class NoConnector : ISupportQueueConnector
    {
        public int Connects { get; private set; }

        public Task<SupportQueueApi> ConnectAsync(ClusterCommandSettings settings, CancellationToken cancellationToken)
        {
            Connects++;
            throw new InvalidOperationException("The command contacted the cluster.");
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    [Fact]
    public async Task More_events_than_max_events_is_refused_with_exit_2_naming_the_budget()
    {
        using var temp = new TestScenarios.TempDirectory();
        var file = temp.File("tiny.json", TestScenarios.Tiny);

        var (exit, output, connector) = await Simulate(file, "--max-events", "100");

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Equal(0, connector.Connects);
        Assert.Contains("too big to simulate within the work budget, nothing was run", output.Error, StringComparison.Ordinal);
        Assert.Contains("over the budget of 100 events", output.Error, StringComparison.Ordinal);
        Assert.Contains("--max-events", output.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("MB at the peak", output.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task More_memory_than_max_memory_mb_is_refused_with_exit_2_naming_the_budget()
    {
        using var temp = new TestScenarios.TempDirectory();
        var big = TestScenarios.Tiny.Replace("\"count\": 4", "\"count\": 20000", StringComparison.Ordinal);
        Assert.NotEqual(TestScenarios.Tiny, big);
        var file = temp.File("big.json", big);

        var (exit, output, connector) = await Simulate(file, "--max-memory-mb", "1");

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Equal(0, connector.Connects);
        Assert.Contains("too big to simulate within the work budget, nothing was run", output.Error, StringComparison.Ordinal);
        Assert.Contains("MB at the peak", output.Error, StringComparison.Ordinal);
        Assert.Contains("--max-memory-mb", output.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_scenario_within_the_budget_is_not_refused_for_it()
    {
        using var temp = new TestScenarios.TempDirectory();
        var file = temp.File("tiny.json", TestScenarios.Tiny);

        // Within the budget the command goes on to connect, which this connector refuses.
        var (_, output, connector) = await Simulate(file, "--max-events", "100000000", "--max-memory-mb", "1024");

        Assert.Equal(1, connector.Connects);
        Assert.DoesNotContain("work budget", output.Error, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, RecordingConsoles Output, NoConnector Connector)> Simulate(params string[] args)
    {
        var output = new RecordingConsoles();
        var connector = new NoConnector();
        int exit;
        try
        {
            exit = await SupportQueueCli.RunAsync(["simulate", .. args], output.Consoles, connector);
        }
        catch (InvalidOperationException) when (connector.Connects > 0)
        {
            exit = -1;
        }

        return (exit, output, connector);
    }
}
