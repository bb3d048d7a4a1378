using SupportQueue.Core.Simulation;
using SupportQueue.Json;
using SupportQueue.LoadTests.Cli;

namespace SupportQueue.LoadTests.Scenarios;

/// <summary>Reads a scenario file as <c>simulate</c> does, with the same messages (JSON path, value, reason).</summary>
public static class ScenarioFile
{
    /// <summary>The sample scenario used when no --scenario is given: the load tests' classic workload (tiers L1, L2, L3, four skills).</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "scenarios", "default-load.json");

    /// <summary>The scenario, or a <see cref="UsageException"/> listing every problem (exit code 2).</summary>
    public static Scenario Load(string path)
    {
        // "file not found": the words simulate uses for the same problem.
        var text = OptionValues.ReadFile("--scenario", path, "file not found");
        var read = ScenarioJson.Read(text);
        return read.Value is { } scenario
            ? scenario
            : throw new UsageException($"{path}: invalid scenario, nothing was run" + Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", read.Errors));
    }
}
