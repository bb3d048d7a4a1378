using SupportQueue.Core.Simulation;

namespace SupportQueue.Grains.Tests.SimulationCli;

/// <summary>Small scenarios and temp directories for the simulate command tests.</summary>
internal static class TestScenarios
{
    /// <summary>Three tiers, four hours, two replications: runs in well under a second.</summary>
    public const string Tiny = """
        {
          "name": "tiny desk",
          "start": "2026-11-23T08:00:00",
          "horizon": "04:00:00",
          "warmUp": "00:30:00",
          "replications": 2,
          "seed": 5,
          "desk": {
            "tiers": [ { "name": "L1" }, { "name": "L2" }, { "name": "L3" } ],
            "sla": [ { "priority": "P2", "firstResponse": "00:10:00", "resolution": "02:00:00" } ]
          },
          "roster": {
            "groups": [
              { "name": "l1", "tier": "L1", "count": 4 },
              { "name": "l2", "tier": "L2", "count": 2 },
              { "name": "l3", "tier": "L3", "count": 1 }
            ]
          },
          "ticketClasses": [
            {
              "name": "question", "share": 1, "priority": "P2",
              "handling": { "L1": { "kind": "exponential", "mean": 4 }, "*": { "kind": "exponential", "mean": 10 } },
              "resolve": { "L1": 0.8, "L2": 0.9 },
              "patience": { "kind": "exponential", "mean": 30 }
            }
          ],
          "demand": { "baseVolume": 12, "intervalMinutes": 15 },
          "serviceLevel": { "threshold": "00:05:00", "target": 0.8 }
        }
        """;

    public static Scenario TinyScenario => ScenarioJson.ParseScenario(Tiny);

    public static string ScenariosDirectory => Path.Combine(AppContext.BaseDirectory, "scenarios");

    /// <summary>A fresh empty directory under the temp folder, deleted on dispose.</summary>
    public sealed class TempDirectory : IDisposable
    {
        public TempDirectory()
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"simcli-{Guid.NewGuid():N}");
            Directory.CreateDirectory(Path);
        }

        public string Path { get; }

        public string File(string name, string content)
        {
            var path = System.IO.Path.Combine(Path, name);
            System.IO.File.WriteAllText(path, content);
            return path;
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is not worth failing a test over.
            }
        }
    }
}
