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
        var (exit, output, error) = await LoadCli.RunAsync("simulate-bench", "--customers", "5000", "--runs", "3", "--warmup", "1");

        Assert.True(exit == 0, output + error);
        Assert.Contains("M/M/50 fast mode", output, StringComparison.Ordinal);
        Assert.Matches(@"Median: [\d,]+ customers/s", output);
        Assert.Matches(@"Best: [\d,]+ customers/s; spread between runs \d+ ?%", output);
    }

    [Theory]
    [InlineData("--customers", "12", "--customers: invalid value '12'")]
    [InlineData("--runs", "many", "many")]
    [InlineData("--bogus", "1", "'bogus'")]
    public async Task Bench_refuses_bad_options_naming_them(string option, string value, string expected)
    {
        var (exit, _, error) = await LoadCli.RunAsync("simulate-bench", option, value);

        Assert.Equal(2, exit);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
