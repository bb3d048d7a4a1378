using SupportQueue.LoadTests.Cli;
using SupportQueue.LoadTests.Commands;
using SupportQueue.LoadTests.Orleans;

namespace SupportQueue.LoadTests.Tests;

public class CliAndDemandTests
{
    [Theory]
    [InlineData(new[] { "run", "--rate", "fast" }, "--rate: invalid value 'fast'")]
    [InlineData(new[] { "run", "--silos", "0" }, "--silos: invalid value '0'")]
    [InlineData(new[] { "run", "--policy", "c" }, "--policy: invalid value 'c'")]
    [InlineData(new[] { "run", "--duration", "soon" }, "--duration: invalid value 'soon'")]
    [InlineData(new[] { "run", "--frobnicate", "1" }, "Unknown option 'frobnicate'")]
    [InlineData(new[] { "run", "--rate" }, "--rate: missing value")]
    [InlineData(new[] { "launch" }, "Unknown command 'launch'")]
    [InlineData(new[] { "scale", "--gateway", "30000" }, "Unknown option 'gateway'")]
    [InlineData(new[] { "bench", "--rates", "500,x" }, "--rates: invalid value 'x'")]
    [InlineData(new[] { "compare", "--seeds", "1" }, "--seeds: invalid value '1'")]
    [InlineData(new[] { "grain-sim", "many" }, "many")]
    [InlineData(new[] { "backlog", "--tickets", "0" }, "--tickets: invalid value '0'")]
    [InlineData(new[] { "run", "--duration", "1e9h" }, "--duration: invalid value '1e9h' — expected a positive duration of at most 365 days")]
    [InlineData(new[] { "run", "--seasonal-week-in", "1e300s" }, "--week-in: invalid value '1e300s'")]
    public async Task Bad_arguments_name_the_argument_and_the_value_and_exit_2(string[] args, string expected)
    {
        var (exit, output, error) = await LoadCli.RunAsync(args);

        Assert.True(exit == 2, output + error);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    /// <summary>An --out that is a file (or a directory where a file is wanted) is refused before the run, not after it with "unexpected IOException".</summary>
    [Theory]
    [InlineData("run", "file", "--out: invalid value '{0}' — is a file; --out names a directory")]
    [InlineData("compare", "file", "--out: invalid value '{0}' — is a file; --out names a directory")]
    [InlineData("backlog", "directory", "--out: invalid value '{0}' — is a directory; --out names a file")]
    public async Task An_out_that_cannot_be_written_is_bad_input_before_anything_runs(string command, string kind, string expected)
    {
        var directory = Directory.CreateTempSubdirectory("lt-out-");
        try
        {
            var file = Path.Combine(directory.FullName, "taken.txt");
            await File.WriteAllTextAsync(file, "x");
            var output = kind == "file" ? file : directory.FullName;

            // Short runs, in case the check let them through.
            string[] size = command == "backlog" ? ["--tickets", "1000", "--step", "1000"] : ["--duration", "1s"];
            var (exit, stdout, error) = await LoadCli.RunAsync([command, .. size, "--out", output]);

            Assert.True(exit == 2, stdout + error);
            Assert.Contains(string.Format(System.Globalization.CultureInfo.InvariantCulture, expected, output), error, StringComparison.Ordinal);
            Assert.Equal("", stdout);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>A directory where an input file is read is named as one, not as "Access to the path is denied".</summary>
    [Theory]
    [InlineData("--scenario")]
    [InlineData("--arrivals")]
    [InlineData("--policy")]
    public async Task A_directory_given_for_an_input_file_is_named_as_one(string option)
    {
        var directory = Directory.CreateTempSubdirectory("lt-in-");
        try
        {
            var (exit, stdout, error) = await LoadCli.RunAsync(["run", "--duration", "1s", option, directory.FullName]);

            Assert.True(exit == 2, stdout + error);
            Assert.Contains($"{option}: invalid value '{directory.FullName}' — is a directory; a file is needed", error, StringComparison.Ordinal);
            Assert.DoesNotContain("denied", error, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>A refused file's bytes are quoted in the error: its control characters are shown as \uXXXX, never sent to the terminal.</summary>
    [Fact]
    public async Task Errors_quoting_a_file_show_control_characters_instead_of_sending_them()
    {
        var path = Path.Combine(Path.GetTempPath(), $"lt-ctrl-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, "id\u001B]0;pwned\u0007,created\rx\n");
        try
        {
            var (exit, _, error) = await LoadCli.RunAsync("run", "--arrivals", path);

            Assert.Equal(2, exit);
            Assert.Contains("\\u001B]0;pwned\\u0007", error, StringComparison.Ordinal);
            Assert.DoesNotContain(error, c => char.IsControl(c) && c != '\n');
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("run")]
    [InlineData("scale")]
    [InlineData("compare")]
    [InlineData("bench")]
    [InlineData("simulate-bench")]
    [InlineData("grain-sim")]
    [InlineData("capacity-probe")]
    [InlineData("pg-bench")]
    [InlineData("backlog")]
    public async Task Every_command_has_help(string command)
    {
        var (exit, output, error) = await LoadCli.RunAsync(command, "--help");

        Assert.True(exit == 0, output + error);
        Assert.Contains($"loadtests {command}", output, StringComparison.Ordinal);
        Assert.Contains("EXIT CODES:", output, StringComparison.Ordinal);
        Assert.Empty(error);
    }

    [Fact]
    public void Parses_a_full_run_command()
    {
        var o = new RunCommand.Settings
        {
            WeekIn = "60s", Silos = "2", Agents = "10,5,2", Capacity = "3", Patience = "6", Seed = "7",
            Thresholds = ["p99 submit->assign < 20ms", "fail% < 1"], Out = "x", Roster = "all", NoLive = true,
        }.ToOptions();

        Assert.Equal(TimeSpan.FromMinutes(1), o.WeekIn);
        Assert.Equal(2, o.Silos);
        Assert.Equal(["L1:10", "L2:5", "L3:2"], o.Scenario.Roster.Groups.Select(g => $"{g.Tier}:{g.Count}").ToArray());
        Assert.All(o.Scenario.Roster.Groups, g => Assert.Equal(3, g.Capacity));
        Assert.All(o.Scenario.TicketClasses, c => Assert.Equal(6, c.Patience!.Mean));
        Assert.Equal(7UL, o.Scenario.Seed);
        Assert.Equal(["p99 submit->assign < 20ms", "fail% < 1"], o.Thresholds.ToArray());
        Assert.True(o.AllSignedIn);
        Assert.False(o.Live);

        // A week in 60 s compresses the sample scenario's 7 days 10,080-fold.
        Assert.Equal(10_080, LoadCommands.Compression(o), 6);
        Assert.Equal([250, 500.0], new BenchCommand.Settings { Rates = "250,500" }.ToOptions().Rates.ToArray());
        Assert.Equal(TimeSpan.FromSeconds(20), new BenchCommand.Settings().ToOptions().Duration);

        // bench judges the steady state after a long warm-up; other commands keep the short one unless told.
        Assert.Equal(TimeSpan.FromSeconds(15), new BenchCommand.Settings().ToOptions().Warmup);
        Assert.Equal(TimeSpan.FromSeconds(2), new BenchCommand.Settings { Warmup = "2s" }.ToOptions().Warmup);
        Assert.Equal(TimeSpan.FromSeconds(3), new RunCommand.Settings().ToOptions().Warmup);
    }

    [Fact]
    public void A_compressed_week_keeps_its_shape()
    {
        var demand = new SeasonalDemand(SeasonalDemand.DefaultProfile());
        double At(int day, double hour) => demand.RelativeRate((day + (hour / 24)) / 7);

        var samples = Enumerable.Range(0, 7 * 96).Select(i => demand.RelativeRate((i + 0.5) / (7 * 96))).ToList();
        Assert.Equal(1, samples.Max(), 9);
        Assert.True(At(0, 10.5) > 5 * At(0, 3.5), "office hours beat the night");
        Assert.True(At(0, 10.5) > 3 * At(6, 10.5), "Monday beats Sunday");
        // The launch doubles Wednesday 13:00-15:00; Tuesday (factor 1.1) has the same hours without it.
        Assert.Equal(2.0 / 1.1, At(2, 14.5) / At(1, 14.5), 6);
        Assert.InRange(demand.MeanOverPeak, 0.05, 0.5);
    }

    [Fact]
    [Trait("Category", "RealTime")]
    public void Grain_time_runs_compressed_and_plain_timers_do_not()
    {
        var origin = new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);
        var clock = new CompressedClock(600, origin);
        var wall = System.Diagnostics.Stopwatch.StartNew();
        var start = clock.GetTimestamp();

        // Spin on the clock itself, not a sleep: 60 simulated seconds are 100 ms of wall time.
        while (clock.GetElapsedTime(start) < TimeSpan.FromSeconds(60))
        {
            Thread.Yield();
        }

        Assert.True(wall.Elapsed >= TimeSpan.FromMilliseconds(95), wall.Elapsed.ToString());
        Assert.True(clock.GetUtcNow() - origin >= TimeSpan.FromSeconds(57));
        Assert.Equal(TimeSpan.FromMilliseconds(100), clock.ToWall(TimeSpan.FromMinutes(1)));
        using var timer = clock.CreateTimer(_ => { }, null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        Assert.IsNotType<CompressedClock>(timer);
    }

    [Fact]
    public async Task Only_timers_waiting_for_grain_time_are_compressed()
    {
        var clock = new CompressedClock(600, new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero));
        var fired = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // Orleans hands the provider its GrainTimer<TState>; one generic argument stands in for it here.
        using var deadline = clock.CreateTimer(_ => fired.TrySetResult(), new List<MarkedState>(), TimeSpan.FromMinutes(1), Timeout.InfiniteTimeSpan);
        using var status = clock.CreateTimer(_ => { }, new List<UnmarkedState>(), TimeSpan.FromMinutes(1), Timeout.InfiniteTimeSpan);

        // A minute of grain time is 100 ms of wall time; the bound only keeps a broken clock from hanging the suite.
        await fired.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("CompressedTimer", deadline.GetType().Name);
        Assert.NotEqual("CompressedTimer", status.GetType().Name);
    }

    private sealed class MarkedState : Grains.IGrainTimeTimer;

    private sealed class UnmarkedState;
}
