using System.Text.Json;
using System.Text.Json.Nodes;
using SupportQueue.Core.Planning;
using SupportQueue.Core.Simulation;

namespace SupportQueue.Json;

/// <summary>
/// Scenario files for <c>plan</c>: the scenario as <see cref="ScenarioJson"/> reads it plus its
/// <c>scheduling</c> section, every problem named by its JSON path and value before anything runs:
/// the dialect's own checks, the engine's (<see cref="Scenario.Validate"/>,
/// <see cref="SchedulingSpec.Validate"/>), then what needs the two together (<see cref="SchedulingChecks"/>).
/// </summary>
public static class ScenarioPlanJson
{
    private static readonly JsonDocumentOptions _documentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = SupportQueueJson.MaxDepth,
    };

    /// <summary>Reads and validates a scenario with its scheduling section; never throws for bad input.</summary>
    public static JsonReadResult<PlanRequest> Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);

        // The first read checks the whole file, scheduling section included, with paths and positions.
        var read = SupportQueueJson.Read<Scenario>(json);
        if (read.Value is not { } scenario)
        {
            return new(null, read.Errors, read.InputError);
        }

        var errors = new List<string>(scenario.Validate());
        using var document = JsonDocument.Parse(json.TrimStart('\uFEFF'), _documentOptions);
        if (!document.RootElement.TryGetProperty(SettingsContract.SchedulingField, out var section) || section.ValueKind == JsonValueKind.Null)
        {
            errors.Add("$.scheduling: (none) — required by plan: the shift templates per tier (see docs/planning.md)");
            return JsonReadResult<PlanRequest>.Invalid(errors);
        }

        var spec = SupportQueueJson.Read<SchedulingSpec>(section.GetRawText());
        if (spec.Value is not { } scheduling)
        {
            // Not reached: the first read checked the section against the same contract.
            return new(null, [.. spec.Errors.Select(e => "$.scheduling" + e.TrimStart('$'))]);
        }

        if (errors.Count > 0)
        {
            // The scheduling checks lean on a sound scenario (tiers, grid, horizon).
            return JsonReadResult<PlanRequest>.Invalid(errors);
        }

        errors.AddRange(scheduling.Validate(scenario));
        if (errors.Count == 0)
        {
            errors.AddRange(SchedulingChecks.Check(scenario, scheduling));
        }

        return errors.Count == 0
            ? JsonReadResult<PlanRequest>.Success(new PlanRequest(scenario, scheduling))
            : JsonReadResult<PlanRequest>.Invalid(errors);
    }

    /// <summary>Reads and validates a scenario file for plan; a missing or unreadable file is an error, not an exception.</summary>
    public static JsonReadResult<PlanRequest> LoadFile(string path)
    {
        var (text, error) = TextFile.Read(path, "scenario file");
        return error is null ? Read(text!) : new(null, [error]);
    }

    /// <summary>A scenario file in the dialect with its scheduling section, so the output of plan can be planned again.</summary>
    public static string Write(Scenario scenario, SchedulingSpec scheduling)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(scheduling);
        var root = JsonNode.Parse(SupportQueueJson.Write(scenario, indented: false))!.AsObject();
        root[SettingsContract.SchedulingField] = JsonNode.Parse(SupportQueueJson.Write(scheduling, indented: false));
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}
