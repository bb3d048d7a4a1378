using System.Diagnostics;
using System.Text;

namespace SupportQueue.Grains.Tests.SimulationCli;

/// <summary>
/// Issue 11 defect 4: Ctrl+C on a running simulation stops the process within 2 s. The built
/// client runs as its own process (the test project references it, so it is next to the tests)
/// and gets a real SIGINT, as a terminal sends it.
/// </summary>
[Trait("Category", "RealTime")]
[Collection(Alone)]
public sealed class SimulateInterruptTests(Xunit.Abstractions.ITestOutputHelper log)
{
    /// <summary>Measured against the wall clock: nothing else in this test run competes for the CPU meanwhile.</summary>
    public const string Alone = "simulate interrupt, alone";

    private static readonly TimeSpan _allowed = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task SIGINT_stops_a_running_simulation_within_2_seconds()
    {
        using var temp = new TestScenarios.TempDirectory();
        var file = temp.File("tiny.json", TestScenarios.Tiny);

        // Minutes of work on this machine: long enough that it cannot finish on its own first.
        using var process = Start(file, "--replications", "2000", "--horizon", "60.00:00:00", "--max-events", "100000000000", "--out", Path.Combine(temp.Path, "out"));
        var output = new StringBuilder();
        var running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }

            if (e.Data?.Contains("Simulating", StringComparison.Ordinal) == true)
            {
                running.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            // The embedded silo is up and replications are starting once the banner is out; they
            // are well under way once the process has spent another CPU second (a bounded poll
            // of what the process has done, not a sleep).
            await running.Task.WaitAsync(TimeSpan.FromSeconds(90));
            var busy = process.TotalProcessorTime + TimeSpan.FromSeconds(1);
            var until = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            while (!process.HasExited && process.TotalProcessorTime < busy && DateTime.UtcNow < until)
            {
                await Task.Delay(50);
                process.Refresh();
            }

            Assert.False(process.HasExited, Text(output));

            var signalled = Stopwatch.StartNew();
            using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
                Assert.Equal(0, kill.ExitCode);
            }

            // A generous bound on the wait so a hang fails instead of blocking the run; the
            // requirement is the measured time.
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(limit.Token);
            var took = signalled.Elapsed;
            log.WriteLine($"exit {process.ExitCode} {took.TotalMilliseconds:0} ms after SIGINT");

            Assert.True(took <= _allowed, $"exited {took.TotalSeconds:0.00} s after SIGINT (allowed {_allowed.TotalSeconds:0} s): {Text(output)}");
            Assert.Equal(130, process.ExitCode);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    private static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo
        {
            FileName = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet",
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "supportqueue.dll"));
        start.ArgumentList.Add("simulate");
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
