using System.Globalization;
using System.Text;
using SupportQueue.Core.Model;
using SupportQueue.Core.Simulation;

namespace SupportQueue.Json.Tests;

/// <summary><c>"demand": {"volumes": "volumes.csv"}</c>: expected tickets per interval from a CSV beside the scenario file.</summary>
public sealed class ScenarioVolumesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sq-volumes-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string ScenarioText(string demand) => $$"""
        {
          "name": "volumes",
          "start": "2026-11-23T00:00:00",
          "horizon": "1.00:00:00",
          "replications": 30,
          "desk": { "tiers": [ { "name": "L1" } ], "agingStep": null },
          "roster": { "groups": [ { "name": "agent", "tier": "L1", "count": 30 } ] },
          "ticketClasses": [
            { "name": "billing", "share": 1, "priority": "P3", "handling": { "*": { "kind": "exponential", "mean": 3 } } },
            { "name": "outage", "share": 1, "priority": "P2", "handling": { "*": { "kind": "exponential", "mean": 3 } } }
          ],
          "demand": {{demand}},
          "serviceLevel": { "threshold": "00:00:20", "target": 0.8 }
        }
        """;

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>A day at 30 minutes: closed at night (rows left out but the first and last, at 0), a midday peak of billing, an outage spike at 15:00.</summary>
    private static (string Csv, double[,] Volumes) Day()
    {
        var csv = new StringBuilder("start,volume,class\n");
        var volumes = new double[48, 2];
        foreach (var t in Enumerable.Range(16, 24).Prepend(0).Append(47))
        {
            var start = new DateTime(2026, 11, 23).AddMinutes(30 * t);
            var open = t is >= 16 and < 40;
            volumes[t, 0] = open ? Math.Round(10 + (40 * Math.Exp(-Math.Pow((t - 26) / 5.0, 2))), 1) : 0;
            volumes[t, 1] = !open ? 0 : t == 30 ? 60 : 3.5;
            csv.Append(CultureInfo.InvariantCulture, $"{start:yyyy-MM-dd'T'HH:mm},{volumes[t, 0].ToString(CultureInfo.InvariantCulture)},billing\n");
            csv.Append(CultureInfo.InvariantCulture, $"{start:yyyy-MM-dd'T'HH:mm},{volumes[t, 1].ToString(CultureInfo.InvariantCulture)},outage\n");
        }

        return (csv.ToString(), volumes);
    }

    [Fact]
    public void Volumes_per_interval_and_class_round_trip_through_a_simulation()
    {
        var (csv, volumes) = Day();
        Write("volumes.csv", csv);
        var read = ScenarioJson.LoadFile(Write("scenario.json", ScenarioText("""{ "volumes": "volumes.csv", "intervalMinutes": 30 }""")));
        Assert.True(read.IsValid, string.Join("\n", read.Errors));
        var scenario = read.Value!;

        var results = Enumerable.Range(0, scenario.Replications).Select(r => new SimulationRun(scenario, r).RunFast()).ToList();

        for (var t = 0; t < 48; t++)
        {
            // The expected count per interval is the file's volume, exactly.
            Assert.Equal(volumes[t, 0] + volumes[t, 1], results[0].ExpectedArrivals[t], 9);

            // Simulated arrivals per interval and class: the mean of 30 replications within 4.5
            // standard errors of the volume (Poisson: variance = volume).
            foreach (var (column, priority) in new[] { (0, Priority.P3), (1, Priority.P2) })
            {
                var mean = results.Average(r => r.Priorities.Single(p => p.Priority == priority).Arrivals[t]);
                var tolerance = (4.5 * Math.Sqrt(volumes[t, column] / results.Count)) + 1e-9;
                Assert.True(Math.Abs(mean - volumes[t, column]) <= tolerance, $"interval {t}, {priority}: mean {mean} for volume {volumes[t, column]}");
            }
        }
    }

    [Theory]
    [InlineData("start,volume\n2026-11-23T08:00,5\n2026-11-23T07:30,5\n", "line 3, start", "2026-11-23T07:30", "time order")]
    [InlineData("start,volume\n2026-11-23T08:00,5\n2026-11-23T08:30,-1\n", "line 3, volume", "-1", "≥ 0")]
    [InlineData("start,volume\n2026-11-23T08:00,5\n2026-11-23T08:30,many\n", "line 3, volume", "'many'", "expected a number")]
    [InlineData("start,volume,class\n2026-11-23T08:00,5,refunds\n2026-11-23T08:30,5,billing\n", "line 2, class", "'refunds'", "unknown class")]
    public void Bad_volume_csv_is_refused_naming_row_field_and_value(string csv, string where, string value, string reason)
    {
        Write("volumes.csv", csv);

        var read = ScenarioJson.LoadFile(Write("scenario.json", ScenarioText("""{ "volumes": "volumes.csv" }""")));

        Assert.Null(read.Value);
        Assert.Contains(read.Errors, e => e.Contains($"{where}: {value} — ", StringComparison.Ordinal) && e.Contains(reason, StringComparison.Ordinal) && e.StartsWith("$.demand.volumes (volumes.csv)", StringComparison.Ordinal));
    }

    [Fact]
    public void Volumes_with_a_base_volume_a_missing_file_or_a_period_outside_the_file_are_refused()
    {
        Write("volumes.csv", "start,volume\n2026-11-23T08:00,5\n2026-11-23T08:30,5\n");

        var both = ScenarioJson.LoadFile(Write("a.json", ScenarioText("""{ "volumes": "volumes.csv", "baseVolume": 10 }""")));
        var missing = ScenarioJson.LoadFile(Write("b.json", ScenarioText("""{ "volumes": "nothere.csv" }""")));
        var outside = ScenarioJson.LoadFile(Write("c.json", ScenarioText("""{ "volumes": "volumes.csv" }""")));

        Assert.Contains(both.Errors, e => e.StartsWith("$.demand.baseVolume: (given) — leave it out", StringComparison.Ordinal));
        Assert.Contains(missing.Errors, e => e.StartsWith("$.demand.volumes: '", StringComparison.Ordinal) && e.Contains("file not found", StringComparison.Ordinal));
        Assert.Contains(outside.Errors, e => e.StartsWith("$.demand.volumes: 'volumes.csv' — covers 2026-11-23T08:00 to 2026-11-23T09:00", StringComparison.Ordinal));
    }

    [Fact]
    public void The_loaded_table_is_not_a_field_of_the_file()
    {
        var read = SupportQueueJson.Read<Scenario>(ScenarioText("""{ "volumes": "v.csv", "volumeTable": null }"""));

        Assert.Contains("volumeTable", read.Errors[0], StringComparison.Ordinal);
    }
}
