using SupportQueue.Core.Demand;
using SupportQueue.Core.Model;
using SupportQueue.Core.Simulation;

namespace SupportQueue.Json;

/// <summary>Scenario files: the shared dialect, then the engine's <see cref="Scenario.Validate"/>.</summary>
public static class ScenarioJson
{
    /// <summary>
    /// Reads and validates scenario JSON; never throws for bad input. A volume CSV the demand names
    /// (<c>"demand": {"volumes": "volumes.csv"}</c>) is read relative to <paramref name="baseDirectory"/>
    /// (the scenario file's folder; null: the current directory).
    /// </summary>
    public static JsonReadResult<Scenario> Read(string json, string? baseDirectory = null)
    {
        var read = SupportQueueJson.Read<Scenario>(json);
        if (read.Value is not { } scenario)
        {
            return read;
        }

        if (scenario.Demand?.Volumes is { Length: > 0 } volumes)
        {
            var path = Path.Combine(baseDirectory ?? Directory.GetCurrentDirectory(), volumes);
            var (text, error) = TextFile.Read(path, "$.demand.volumes");
            if (error is not null)
            {
                return JsonReadResult<Scenario>.Invalid([error]);
            }

            try
            {
                var classes = scenario.TicketClasses.IsDefault ? null : scenario.TicketClasses.Select(c => c.Name).ToList();
                var series = VolumeCsv.Parse(text!, classes);
                scenario = scenario with { Demand = scenario.Demand with { VolumeTable = VolumeTable.From(series) } };
            }
            catch (VolumeCsvException ex)
            {
                return JsonReadResult<Scenario>.Invalid([.. ex.Errors.Select(e => $"$.demand.volumes ({volumes}), {e}")]);
            }
        }

        var errors = scenario.Validate();
        return errors.Count == 0 ? JsonReadResult<Scenario>.Success(scenario) : JsonReadResult<Scenario>.Invalid(errors);
    }

    /// <summary>Reads and validates a scenario file; a missing or unreadable file is an error, not an exception.</summary>
    /// <param name="path">The file.</param>
    /// <param name="what">The option or argument that named it, for the messages.</param>
    public static JsonReadResult<Scenario> LoadFile(string path, string what = "scenario file")
    {
        var (text, error) = TextFile.Read(path, what);
        return error is null ? Read(text!, Path.GetDirectoryName(Path.GetFullPath(path))) : new(null, [error]);
    }

    /// <summary>For tools and tests that want a scenario or an exception: throws <see cref="SupportQueueException"/> (InvalidSettings) listing every problem.</summary>
    public static Scenario ParseScenario(string json, string source = "scenario")
    {
        var read = Read(json);
        return read.Value ?? throw new SupportQueueException(RefusalCode.InvalidSettings,
            $"Invalid {source}:" + Environment.NewLine + string.Join(Environment.NewLine, read.Errors));
    }

    public static string Write(Scenario scenario) => SupportQueueJson.Write(scenario);
}
