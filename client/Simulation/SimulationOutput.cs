using System.Text;

namespace SupportQueue.Client.Simulation;

/// <summary>The files a run leaves behind, built as strings first so writing is the only I/O.</summary>
public static class SimulationOutput
{
    public static readonly IReadOnlyList<string> FileNames =
        ["summary.json", "intervals.csv", "priorities.csv", "totals.csv", "replications.csv", "objectives.csv", "staffing.csv", "report.html", "scenario.json"];

    /// <summary>File name → content. <paramref name="scenarioSource"/> is the scenario file as given, kept so a run can be repeated.</summary>
    public static IReadOnlyDictionary<string, string> Build(SimulationResults results, string? scenarioSource = null)
    {
        ArgumentNullException.ThrowIfNull(results);
        var files = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["summary.json"] = SimulationSummaryJson.Write(results),
            ["intervals.csv"] = SimulationCsv.Intervals(results),
            ["priorities.csv"] = SimulationCsv.Priorities(results),
            ["totals.csv"] = SimulationCsv.Totals(results),
            ["replications.csv"] = SimulationCsv.Replications(results),
            ["objectives.csv"] = SimulationCsv.Objectives(results),
            ["staffing.csv"] = SimulationCsv.Staffing(results.Plan),
            ["report.html"] = SimulationHtml.Build(results),
        };
        if (scenarioSource is not null)
        {
            // Command-line overrides (replications, seed, horizon, warm-up) are recorded in summary.json.
            files["scenario.json"] = scenarioSource;
        }

        return files;
    }

    /// <summary>Writes every file into <paramref name="directory"/>, creating it; returns the full paths.</summary>
    public static IReadOnlyList<string> Write(string directory, SimulationResults results, string? scenarioSource = null)
    {
        Directory.CreateDirectory(directory);
        var paths = new List<string>();
        foreach (var (name, content) in Build(results, scenarioSource))
        {
            var path = Path.GetFullPath(Path.Combine(directory, name));
            File.WriteAllText(path, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            paths.Add(path);
        }

        return paths;
    }

    /// <summary>out/&lt;scenario-name&gt;-&lt;timestamp&gt; under <paramref name="baseDirectory"/>.</summary>
    public static string DefaultDirectory(string baseDirectory, string scenarioName, DateTimeOffset now) =>
        Path.Combine(baseDirectory, "out", $"{ReportFormat.FileSafe(scenarioName)}-{now.UtcDateTime:yyyyMMdd-HHmmss}");
}
