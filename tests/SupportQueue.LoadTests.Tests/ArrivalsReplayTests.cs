using System.Globalization;
using System.Text;
using SupportQueue.LoadTests.Cli;
using SupportQueue.LoadTests.Commands;

namespace SupportQueue.LoadTests.Tests;

/// <summary><c>run --arrivals</c>: a recorded trace replayed against the cluster, ticket by ticket; a malformed one refused by row.</summary>
[Collection(OrleansCollection.Name)]
public sealed class ArrivalsReplayTests(LoadClusterFixture fixture)
{
    [Fact]
    public async Task A_recorded_trace_is_replayed_ticket_by_ticket_at_its_times()
    {
        // 20 tickets a minute apart just after midnight (the replay starts at midnight of the first ticket's day).
        var csv = new StringBuilder("id,created,priority,skills,entryTier,tiers,handling,outcome,ended\n");
        for (var i = 0; i < 20; i++)
        {
            var created = new DateTime(2026, 11, 23, 0, 1, 0, DateTimeKind.Utc).AddMinutes(i);
            csv.Append(CultureInfo.InvariantCulture, $"R{i},{created:yyyy-MM-dd'T'HH:mm:ss'Z'},P{(i % 4) + 1},{(i % 2 == 0 ? "billing" : "network")},L1,{(i % 2 == 0 ? "L1" : "L1;L2")},L1=3,resolved,{created.AddMinutes(9):yyyy-MM-dd'T'HH:mm:ss'Z'}\n");
        }

        var file = Path.Combine(Path.GetTempPath(), "sq-arrivals-" + Guid.NewGuid().ToString("N") + ".csv");
        var dir = Path.Combine(Path.GetTempPath(), "sq-arrivals-out-" + Guid.NewGuid().ToString("N"));
        await File.WriteAllTextAsync(file, csv.ToString());
        try
        {
            var options = new RunCommand.Settings
            {
                Arrivals = file,
                Compress = LoadClusterFixture.Compression.ToString(CultureInfo.InvariantCulture),
                Warmup = "0",
                NoLive = true,
            }.ToOptions();

            // Until the last arrival (00:20) and an hour after it, at 600x: 8 s of wall time.
            Assert.Equal(TimeSpan.FromMinutes(80).TotalSeconds / LoadClusterFixture.Compression, options.Duration.TotalSeconds, 3);
            var record = await LoadCommands.RunOneAsync(options, fixture.Cluster, "arrivals", dir, disrupt: null, CancellationToken.None);

            Assert.Equal(20, record.Result.Operations.Single(o => o.Operation == "submit").Count);
            Assert.True(record.Invariants.Passed, string.Join("\n", record.Invariants.Violations));
            Assert.Equal(20, record.Outcome.Tickets);
        }
        finally
        {
            File.Delete(file);
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    [Fact]
    public async Task A_malformed_trace_is_refused_with_its_row_before_anything_runs()
    {
        var file = Path.Combine(Path.GetTempPath(), "sq-bad-trace-" + Guid.NewGuid().ToString("N") + ".csv");
        await File.WriteAllTextAsync(file, "id,created,priority,entryTier,outcome\nT1,2026-11-23T08:00:00Z,P3,L9,resolved\n");
        try
        {
            var (exit, output, error) = await LoadCli.RunAsync("run", "--arrivals", file, "--no-live");

            Assert.Equal(2, exit);
            Assert.Contains("row 2", output + error, StringComparison.Ordinal);
            Assert.Contains("L9", output + error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
