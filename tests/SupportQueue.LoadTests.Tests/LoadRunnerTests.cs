using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using SupportQueue.LoadTests.Reports;
using SupportQueue.LoadTests.Runner;
using SupportQueue.LoadTests.Thresholds;

namespace SupportQueue.LoadTests.Tests;

public class LoadRunnerTests
{
    [Fact]
    [Trait("Category", "RealTime")]
    public async Task Smoke_run_against_an_in_memory_target_end_to_end()
    {
        var target = new InMemoryTarget();
        var scenario = LoadScenario.Create("submit", ctx => target.SubmitAsync(ctx))
            .WithLoadSimulations(Simulation.Inject(50, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)));
        var settings = new LoadRunSettings
        {
            RunName = "smoke",
            Scenarios = [scenario],
            ArrivalSpacing = ArrivalSpacing.Uniform,
            LiveView = false,
            Thresholds = ["fail% < 0.1", "count submit == 50", "count submit->assign == 50", "rps submit >= 1000000"],
        };

        var wall = Stopwatch.StartNew();
        var result = await LoadRunner.RunAsync(settings, target);
        wall.Stop();

        Assert.True(target.Started && target.Stopped);
        Assert.Equal(50, target.Assigned);
        var summary = Assert.Single(result.Scenarios);
        Assert.Equal(50, summary.Due);
        Assert.Equal(50, summary.Started);
        Assert.Equal(50, summary.Succeeded);
        Assert.Equal(0, summary.Dropped);
        Assert.Equal(["submit", "submit->assign"], result.Operations.Select(o => o.Operation));
        Assert.Equal(50, result.OperationSeries.Where(s => s.Operation == "submit").Sum(s => s.Count));
        Assert.NotEmpty(result.RunSeries);
        Assert.Equal(50, result.SiloLoad.Sum(s => s.LoadBySilo.Values.Sum()));
        Assert.Equal("in-memory", result.TargetName);
        Assert.True(result.Resources.CpuTime > TimeSpan.Zero);

        Assert.Equal([true, true, true, false], result.Thresholds.Select(t => t.Passed));
        Assert.False(result.Passed);
        Assert.Equal(1, result.ExitCode);
        Assert.True(wall.Elapsed < TimeSpan.FromSeconds(30), "the run should end shortly after its 1 s schedule");

        var dir = Path.Combine(Path.GetTempPath(), "sq-load-smoke-" + Guid.NewGuid().ToString("N"));
        try
        {
            await LoadReport.WriteAsync(result, dir);
            var html = await File.ReadAllTextAsync(Path.Combine(dir, LoadReport.FileNames.Html));
            var md = await File.ReadAllTextAsync(Path.Combine(dir, LoadReport.FileNames.Markdown));
            Assert.Contains("<svg", html, StringComparison.Ordinal);
            Assert.Contains("| **FAIL** | `rps submit >= 1000000` |", md, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    [Trait("Category", "RealTime")]
    public async Task Passing_thresholds_give_exit_code_zero()
    {
        var scenario = LoadScenario.Create("noop", _ => ValueTask.FromResult(StepResult.Ok()))
            .WithLoadSimulations(Simulation.Inject(20, TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(250)));

        var result = await LoadRunner.RunAsync(new LoadRunSettings
        {
            Scenarios = [scenario],
            ArrivalSpacing = ArrivalSpacing.Uniform,
            LiveView = false,
            Thresholds = ["count noop == 5", "p99 noop < 60s", "fail% == 0"],
        });

        Assert.All(result.Thresholds, t => Assert.True(t.Passed, t.Detail));
        Assert.True(result.Passed);
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public async Task A_fake_clock_jump_shows_as_late_starts_and_in_the_corrected_latency_only()
    {
        // The dispatcher is parked on its timer for the second arrival when RunAsync returns; jumping the
        // clock 2 s makes every remaining arrival overdue. Steps take no (fake) time, so service time is 0
        // while latency from the intended start reflects the scheduler's lateness.
        var clock = new FakeTimeProvider();
        var scenario = LoadScenario.Create("tick", _ => ValueTask.FromResult(StepResult.Ok()))
            .WithLoadSimulations(Simulation.Inject(10, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)));
        var run = LoadRunner.RunAsync(new LoadRunSettings
        {
            Scenarios = [scenario],
            ArrivalSpacing = ArrivalSpacing.Uniform,
            LiveView = false,
            TimeProvider = clock,
        });

        clock.Advance(TimeSpan.FromSeconds(2));
        var result = await run;

        var summary = Assert.Single(result.Scenarios);
        Assert.Equal(10, summary.Due);
        Assert.Equal(10, summary.Succeeded);
        Assert.InRange(summary.Late, 9, 10);
        var op = Assert.Single(result.Operations);

        // Only the first request can be running on a pool thread while the test jumps the clock, so
        // at most one service time may straddle the jump; every overdue one took no time at all.
        Assert.Equal(0, op.ServiceTime.P75);
        Assert.InRange(op.Latency.Max, 1899, 2002);
        Assert.InRange(op.Latency.P50, 1400, 1700);
        Assert.InRange(op.LateStarts, 9, 10);
        // The lateness is the loader's, and the start-lag figures say so.
        Assert.InRange(op.StartLag.P50, 1400, 1700);
        Assert.InRange(op.StartLag.Max, 1899, 2002);
        Assert.Equal(TimeSpan.FromSeconds(2), result.Duration);
        Assert.Equal(5, op.Throughput, 6);
    }

    [Fact]
    [Trait("Category", "RealTime")]
    public async Task Arrivals_beyond_the_in_flight_bound_are_dropped_and_stuck_steps_are_cancelled()
    {
        var started = 0;
        var scenario = LoadScenario.Create("stuck", async ctx =>
            {
                Interlocked.Increment(ref started);
                await Task.Delay(Timeout.Infinite, ctx.CancellationToken);
                return StepResult.Ok();
            })
            .WithLoadSimulations(Simulation.Inject(20, TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(500)))
            .WithMaxInFlight(2);

        var result = await LoadRunner.RunAsync(new LoadRunSettings
        {
            Scenarios = [scenario],
            ArrivalSpacing = ArrivalSpacing.Uniform,
            LiveView = false,
            DrainTimeout = TimeSpan.FromMilliseconds(200),
            Thresholds = ["drop% < 50"],
        });

        var summary = Assert.Single(result.Scenarios);
        Assert.Equal(10, summary.Due);
        Assert.Equal(8, summary.Dropped);
        Assert.Equal(2, summary.Started);
        Assert.Equal(2, Volatile.Read(ref started));
        Assert.Equal(8, result.Operations.Single().Dropped);
        Assert.False(Assert.Single(result.Thresholds).Passed);
    }

    [Fact]
    [Trait("Category", "RealTime")]
    public async Task Closed_model_keeps_copies_looping_and_steps_can_record_their_own_operations()
    {
        var copiesSeen = new System.Collections.Concurrent.ConcurrentDictionary<int, bool>();
        var scenario = LoadScenario.Create("agents", async ctx =>
            {
                copiesSeen[ctx.CopyIndex] = true;
                await Task.Yield();
                ctx.RecordSinceStart("resolve");
                return ctx.InvocationNumber % 10 == 9 ? StepResult.Fail("flaky") : StepResult.Ok();
            })
            .WithLoadSimulations(Simulation.KeepConstant(3, TimeSpan.FromMilliseconds(300)))
            .WithStepOperation(null);

        var result = await LoadRunner.RunAsync(new LoadRunSettings { Scenarios = [scenario], LiveView = false });

        var summary = Assert.Single(result.Scenarios);
        Assert.Equal([0, 1, 2], copiesSeen.Keys.Order());
        Assert.True(summary.Started > 0);
        Assert.Equal(summary.Started, summary.Succeeded + summary.Failed);
        Assert.Equal(0, summary.Unfinished);
        Assert.Equal(0, summary.Due);
        var op = Assert.Single(result.Operations);
        Assert.Equal("resolve", op.Operation);
        Assert.Equal(summary.Started, op.Count);
    }

    [Fact]
    [Trait("Category", "RealTime")]
    public async Task Step_exceptions_are_failures_of_their_kind()
    {
        var scenario = LoadScenario.Create("boom", ctx =>
                ctx.InvocationNumber % 2 == 0
                    ? throw new InvalidOperationException("no agent")
                    : ValueTask.FromResult(StepResult.Fail("rejected")))
            .WithLoadSimulations(Simulation.Inject(40, TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(100)));

        var result = await LoadRunner.RunAsync(new LoadRunSettings
        {
            Scenarios = [scenario],
            ArrivalSpacing = ArrivalSpacing.Uniform,
            LiveView = false,
            Thresholds = ["fail% < 0.1"],
        });

        var op = Assert.Single(result.Operations);
        Assert.Equal(0, op.Count);
        Assert.Equal(2, op.FailuresByKind["exception:InvalidOperationException"]);
        Assert.Equal(2, op.FailuresByKind["rejected"]);
        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public async Task Bad_settings_fail_before_anything_starts()
    {
        var target = new InMemoryTarget();
        var scenario = LoadScenario.Create("s", _ => ValueTask.FromResult(StepResult.Ok()))
            .WithLoadSimulations(Simulation.Pause(TimeSpan.FromSeconds(1)));

        var bad = await Assert.ThrowsAsync<ThresholdFormatException>(() => LoadRunner.RunAsync(
            new LoadRunSettings { Scenarios = [scenario], LiveView = false, Thresholds = ["p99 s < 5"] }, target));
        Assert.Contains("\"p99 s < 5\"", bad.Message, StringComparison.Ordinal);
        Assert.False(target.Started);

        await Assert.ThrowsAsync<ArgumentException>(() => LoadRunner.RunAsync(
            new LoadRunSettings { Scenarios = [scenario, scenario], LiveView = false }));
        await Assert.ThrowsAsync<ArgumentException>(() => LoadRunner.RunAsync(
            new LoadRunSettings { Scenarios = [LoadScenario.Create("empty", _ => ValueTask.FromResult(StepResult.Ok()))], LiveView = false }));
    }
}
