using Spectre.Console;
using SupportQueue.LoadTests.Benchmarks;

namespace SupportQueue.LoadTests.Tests.Benchmarks;

/// <summary>The fast-mode benchmark (<c>simulate-bench</c>): its queue, its statistics and what it prints.</summary>
public sealed class SimulationBenchmarkTests
{
    [Fact]
    public void Bench_scenario_is_MM50_at_load_0_9()
    {
        var s = SimulationBenchmark.Scenario(20_000);
        Assert.Empty(s.Validate());

        var run = SimulationBenchmark.Run(s, 0);

        Assert.InRange(run.Customers, 19_000, 21_000);
        Assert.True(run.Events > run.Customers);
        Assert.Equal(2.0, SimulationBenchmark.Median([3.0, 1.0, 2.0]));
        Assert.Equal(2.5, SimulationBenchmark.Median([4.0, 1.0, 2.0, 3.0]));
        Assert.Equal(0.5, SimulationBenchmark.Spread([3.0, 2.0, 2.5]), 12);
        Assert.Equal(0, SimulationBenchmark.Spread([3.0]));
    }

    [Fact]
    public async Task Bench_prints_customers_per_second()
    {
        var (console, text) = Recording();

        var exit = await BenchmarkCommands.SimulateBenchAsync(["--customers", "5000", "--runs", "3", "--warmup", "1"], console, CancellationToken.None);

        Assert.True(exit == 0, text.ToString());
        Assert.Contains("M/M/50 fast mode", text.ToString(), StringComparison.Ordinal);
        Assert.Matches(@"Median: [\d,]+ customers/s", text.ToString());
        Assert.Matches(@"Best: [\d,]+ customers/s; spread between runs \d+ ?%", text.ToString());
    }

    [Theory]
    [InlineData("--customers", "12")]
    [InlineData("--runs", "many")]
    [InlineData("--bogus", "1")]
    public async Task Bench_refuses_a_bad_option_naming_it(string option, string value)
    {
        var (console, text) = Recording();

        var exit = await BenchmarkCommands.SimulateBenchAsync([option, value], console, CancellationToken.None);

        Assert.Equal(2, exit);
        Assert.Contains($"'{(option == "--bogus" ? option : value)}'", text.ToString(), StringComparison.Ordinal);
    }

    private static (IAnsiConsole Console, StringWriter Text) Recording()
    {
        var text = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(text),
        });
        return (console, text);
    }
}
