using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SupportQueue.Client.Simulation;

/// <summary>
/// Turns the scenario loader's refusal into "path: value — reason" lines. Validation errors
/// already have that shape; errors from the JSON reader (unknown field, wrong type) name the path
/// and the serializer's reason but not the value, so the value is looked up in the document.
/// </summary>
public static partial class ScenarioErrors
{
    [GeneratedRegex(@"^(?:[^:$]+: )?(?<path>\$\S*)(?<where> \(line \d+, column \d+\))? — (?<reason>.+)$")]
    private static partial Regex ReaderError();

    [GeneratedRegex(@"^The JSON property '(?<name>[^']*)' could not be mapped to any \.NET member")]
    private static partial Regex UnknownMember();

    [GeneratedRegex(@"^The JSON value could not be converted to (?<type>[^.\s]+(?:\.[^.\s]+)*)\.?")]
    private static partial Regex NotConvertible();

    public static IReadOnlyList<string> Details(string message, string json)
    {
        ArgumentNullException.ThrowIfNull(message);
        var lines = message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length > 1 && lines[0].StartsWith("Invalid scenario", StringComparison.Ordinal))
        {
            return lines[1..];
        }

        return [.. lines.Select(line => Enrich(line, json))];
    }

    private static string Enrich(string line, string json)
    {
        var match = ReaderError().Match(line);
        if (!match.Success)
        {
            return line;
        }

        var path = match.Groups["path"].Value;
        var reason = match.Groups["reason"].Value;
        if (UnknownMember().IsMatch(reason))
        {
            reason = "unknown field";
        }
        else if (NotConvertible().Match(reason) is { Success: true } convert)
        {
            var type = convert.Groups["type"].Value;
            reason = $"cannot be read as {FriendlyType(type)}";
        }

        return $"{path}: {ValueAt(json, path) ?? "(unreadable)"} — {reason}{match.Groups["where"].Value}";
    }

    /// <summary>The JSON text at a path like $.a.b[2].c, shortened; null when the path cannot be followed.</summary>
    public static string? ValueAt(string json, string path)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException)
        {
            return null;
        }

        var i = 1;
        while (i < path.Length && node is not null)
        {
            if (path[i] == '.')
            {
                var end = path.IndexOfAny(['.', '['], i + 1);
                var name = end < 0 ? path[(i + 1)..] : path[(i + 1)..end];
                if (node is not JsonObject obj || !obj.TryGetPropertyValue(name, out var child))
                {
                    return null;
                }

                // A JSON null is a value worth showing, not a missing path.
                if (child is null)
                {
                    return end < 0 ? "null" : null;
                }

                node = child;
                i = end < 0 ? path.Length : end;
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i);
                if (end < 0 || !int.TryParse(path.AsSpan(i + 1, end - i - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    return null;
                }

                node = node is JsonArray array && index < array.Count ? array[index] : null;
                i = end + 1;
            }
            else
            {
                return null;
            }
        }

        return node switch
        {
            null => null,
            JsonObject => "{…}",
            JsonArray a => $"[{a.Count} items]",
            _ => Shorten(node.ToJsonString()),
        };
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";

    private static string FriendlyType(string type)
    {
        var nullable = type.StartsWith("System.Nullable`1[", StringComparison.Ordinal);
        if (nullable)
        {
            type = type["System.Nullable`1[".Length..].TrimEnd(']');
        }

        var name = type[(type.LastIndexOf('.') + 1)..];
        return name switch
        {
            "Double" => "a number",
            "Int32" or "Int64" or "UInt64" => "a whole number",
            "Boolean" => "true or false",
            "String" => "a string",
            "TimeSpan" => "a duration \"hh:mm:ss\" or \"d.hh:mm:ss\"",
            "DateTime" => "a date-time \"yyyy-MM-ddTHH:mm:ss\"",
            "DateOnly" => "a date \"yyyy-MM-dd\"",
            "DistributionKind" => "a distribution kind (exponential, lognormal, gamma, fixed, empirical, uniform)",
            "Priority" => "a priority (P1, P2, P3, P4)",
            _ => name,
        };
    }
}
