using System.Text.Json;
using System.Text.Json.Serialization;
using SupportQueue.Core.Model;

namespace SupportQueue.Core.Simulation;

/// <summary>
/// Reads scenario and desk-settings JSON. Strict: unknown fields are errors, so a misspelt
/// setting is reported instead of silently ignored. Parsing only — the caller reads the file.
/// </summary>
public static class ScenarioJson
{
    public static readonly JsonSerializerOptions Options = CreateOptions();

    public static Scenario ParseScenario(string json, string source = "scenario")
    {
        var scenario = Parse<Scenario>(json, source);
        scenario.EnsureValid();
        return scenario;
    }

    public static DeskSettings ParseDeskSettings(string json, string source = "settings")
    {
        var settings = Parse<DeskSettings>(json, source);
        settings.EnsureValid();
        return settings;
    }

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>Deserializes strictly; syntax and type errors name the JSON path, line and problem.</summary>
    public static T Parse<T>(string json, string source)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, Options)
                ?? throw new SupportQueueException(RefusalCode.InvalidSettings, $"{source}: $: null — expected a JSON object");
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" (line {line + 1}, column {ex.BytePositionInLine + 1})" : "";
            var message = ex.Message;
            var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
            if (cut > 0)
            {
                message = message[..cut];
            }

            throw new SupportQueueException(RefusalCode.InvalidSettings, $"{source}: {ex.Path ?? "$"}{where} — {message}");
        }
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DictionaryKeyPolicy = null,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            WriteIndented = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
