using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using SupportQueue.Core.Model;

namespace SupportQueue.Client.Settings;

/// <summary>The outcome of reading a desk settings file: the settings, or every problem found.</summary>
public sealed record DeskSettingsLoadResult(DeskSettings? Settings, IReadOnlyList<string> Errors)
{
    public bool IsValid => Settings is not null && Errors.Count == 0;
}

/// <summary>
/// Reads <see cref="DeskSettings"/> from JSON (camelCase, enums as strings, durations as
/// "hh:mm:ss"). Strict on purpose: a misspelt field silently falling back to its default would
/// route tickets differently from what the file says, so unknown fields are refused. Every
/// problem comes back as "path: value — reason", the same shape <see cref="DeskSettings.Validate"/> uses.
/// </summary>
public static class DeskSettingsJson
{
    /// <summary>Field names that must be present; the rest may be left out and keep their defaults.</summary>
    private static readonly Dictionary<Type, string[]> _requiredFields = new()
    {
        [typeof(TierSettings)] = ["name"],
        [typeof(EscalationRule)] = ["kind"],
        [typeof(SlaTarget)] = ["priority"],
        [typeof(BorrowingSettings)] = ["enabled"],
    };

    /// <summary>Our converters put the reason for the user here; the serializer's own message is meant for developers.</summary>
    private const string ReasonKey = "SupportQueue.Reason";

    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Reads and checks a settings file; a missing or unreadable file is an error, not an exception.</summary>
    public static DeskSettingsLoadResult LoadFile(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var reason = ex is FileNotFoundException or DirectoryNotFoundException ? "file not found" : ex.Message;
            return Fail($"settings file: '{path}' — {reason}");
        }

        return Parse(json);
    }

    /// <summary>Parses and validates settings JSON. Never throws for bad input.</summary>
    public static DeskSettingsLoadResult Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        DeskSettings? settings;
        try
        {
            settings = JsonSerializer.Deserialize<DeskSettings>(json, Options);
        }
        catch (JsonException ex)
        {
            return Fail(Explain(ex, TryParseNode(json)));
        }

        if (settings is null)
        {
            return Fail("$: null — desk settings must be a JSON object");
        }

        var errors = settings.Validate();
        return errors.Count == 0 ? new DeskSettingsLoadResult(settings, []) : new DeskSettingsLoadResult(null, errors);
    }

    /// <summary>Writes settings in the same shape <see cref="Parse"/> reads.</summary>
    public static string Serialize(DeskSettings settings) => JsonSerializer.Serialize(settings, Options);

    private static DeskSettingsLoadResult Fail(string error) => new(null, [error]);

    /// <summary>The document as far as it parses, only to quote offending values in messages.</summary>
    private static JsonNode? TryParseNode(string json)
    {
        try
        {
            return JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var resolver = new DefaultJsonTypeInfoResolver();
        resolver.Modifiers.Add(MarkRequiredFields);
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectNullableAnnotations = true,
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            AllowDuplicateProperties = false,
            WriteIndented = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            TypeInfoResolver = resolver,
        };
        options.Converters.Add(new DurationConverter());
        options.Converters.Add(new StrictEnumConverterFactory());
        options.MakeReadOnly();
        return options;
    }

    private static void MarkRequiredFields(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        // Computed members (TierCount, HandleTimeEstimate) are outputs, not settings.
        for (var i = info.Properties.Count - 1; i >= 0; i--)
        {
            if (info.Properties[i].Set is null && info.Properties[i].AssociatedParameter is null)
            {
                info.Properties.RemoveAt(i);
            }
        }

        if (_requiredFields.TryGetValue(info.Type, out var required))
        {
            foreach (var property in info.Properties)
            {
                if (required.Contains(property.Name))
                {
                    property.IsRequired = true;
                }
            }
        }
    }

    /// <summary>Turns a serializer error into "path: value — reason".</summary>
    private static string Explain(JsonException ex, JsonNode? document)
    {
        var path = string.IsNullOrEmpty(ex.Path) ? "$" : ex.Path;
        var message = StripLocation(ex.Message);

        if (ex.InnerException is not null && ex.InnerException.GetType().Name == "JsonReaderException")
        {
            return $"{Location(ex)}: invalid JSON — {StripLocation(ex.InnerException.Message)}";
        }

        if (message.StartsWith("Duplicate property", StringComparison.Ordinal))
        {
            return $"{Location(ex)}: (given twice) — a field may appear only once";
        }

        if (message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
        {
            // The path already ends with the unknown field's name.
            var known = KnownFields(ParentPath(path));
            return $"{path}: {Describe(Find(document, path))} — unknown field" + (known is null ? "" : $"; expected one of: {known}");
        }

        if (message.Contains("missing required properties", StringComparison.Ordinal))
        {
            var missing = RequiredMissing(message);
            return $"{path}: {Describe(Find(document, path))} — missing required field{(missing.Contains(',', StringComparison.Ordinal) ? "s" : "")} {missing}";
        }

        if (message.Contains("null values", StringComparison.Ordinal))
        {
            var property = Quoted(message);
            var target = property is null || path.EndsWith(JsonNamingPolicy.CamelCase.ConvertName(property), StringComparison.Ordinal)
                ? path
                : AppendProperty(path, JsonNamingPolicy.CamelCase.ConvertName(property));
            return $"{target}: null — must not be null";
        }

        var value = Describe(Find(document, path));
        if (ex.Data[ReasonKey] is string reason)
        {
            return $"{path}: {value} — {reason}";
        }

        return $"{path}: {value} — {Expected(TypeAt(path)) ?? message}";
    }

    /// <summary>What a value of the type the path leads to looks like, in the file's terms.</summary>
    private static string? Expected(Type? type)
    {
        if (type is null)
        {
            return null;
        }

        if (type == typeof(int) || type == typeof(long))
        {
            return "must be a whole number";
        }

        if (type == typeof(bool))
        {
            return "must be true or false";
        }

        if (type == typeof(string))
        {
            return "must be a string";
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(System.Collections.Immutable.ImmutableArray<>))
        {
            return "must be an array";
        }

        return type.IsClass ? "must be an object" : null;
    }

    private static string? Quoted(string message)
    {
        var start = message.IndexOf('\'', StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        var end = message.IndexOf('\'', start + 1);
        return end < 0 ? null : message[(start + 1)..end];
    }

    private static string RequiredMissing(string message)
    {
        var at = message.LastIndexOf(':');
        if (at < 0)
        {
            return "";
        }

        var list = message[(at + 1)..].Trim().TrimEnd('.');
        return string.Join(", ", list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(n => $"'{n.Trim('\'')}'"));
    }

    private static string ParentPath(string path)
    {
        var dot = path.LastIndexOf('.');
        var bracket = path.LastIndexOf('[');
        var cut = Math.Max(dot, bracket);
        return cut <= 0 ? "$" : path[..cut];
    }

    private static string? KnownFields(string objectPath)
    {
        var type = TypeAt(objectPath);
        if (type is null)
        {
            return null;
        }

        var info = Options.GetTypeInfo(type);
        return info.Kind == JsonTypeInfoKind.Object ? string.Join(", ", info.Properties.Select(p => p.Name)) : null;
    }

    /// <summary>Which settings type lives at a path, following the known shape of <see cref="DeskSettings"/>.</summary>
    private static Type? TypeAt(string path)
    {
        Type? type = typeof(DeskSettings);
        foreach (var segment in Segments(path))
        {
            if (type is null)
            {
                return null;
            }

            if (segment.Index is not null)
            {
                type = ElementType(type);
                continue;
            }

            var info = Options.GetTypeInfo(type);
            type = info.Kind == JsonTypeInfoKind.Object
                ? info.Properties.FirstOrDefault(p => p.Name == segment.Name)?.PropertyType
                : null;
            type = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        }

        return type;
    }

    private static Type? ElementType(Type type)
    {
        if (type.IsGenericType && type.GetGenericArguments() is [var element])
        {
            return element;
        }

        return null;
    }

    private static JsonNode? Find(JsonNode? document, string path)
    {
        try
        {
            return FindOrThrow(document, path);
        }
        catch (ArgumentException)
        {
            // A document with a duplicate key cannot be indexed; the message then goes without a value.
            return null;
        }
    }

    private static JsonNode? FindOrThrow(JsonNode? document, string path)
    {
        if (document is null)
        {
            return null;
        }

        JsonNode? node = document;
        foreach (var segment in Segments(path))
        {
            node = segment.Index is { } i
                ? node is JsonArray array && i < array.Count ? array[i] : null
                : node is JsonObject obj && obj.TryGetPropertyValue(segment.Name!, out var child) ? child : null;
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    private readonly record struct Segment(string? Name, int? Index);

    /// <summary>Splits "$.a.b[2]['c d']" into its steps; lenient, as it only serves error messages.</summary>
    private static List<Segment> Segments(string path)
    {
        var segments = new List<Segment>();
        var i = path.StartsWith('$') ? 1 : 0;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = i + 1;
                while (end < path.Length && path[end] is not '.' and not '[')
                {
                    end++;
                }

                segments.Add(new Segment(path[(i + 1)..end], null));
                i = end;
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i);
                if (end < 0)
                {
                    break;
                }

                var inner = path[(i + 1)..end];
                if (inner.StartsWith('\''))
                {
                    var close = path.IndexOf("']", i + 2, StringComparison.Ordinal);
                    end = close < 0 ? path.Length - 1 : close + 1;
                    segments.Add(new Segment(path[(i + 2)..(close < 0 ? path.Length : close)], null));
                }
                else if (int.TryParse(inner, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    segments.Add(new Segment(null, index));
                }

                i = end + 1;
            }
            else
            {
                i++;
            }
        }

        return segments;
    }

    private static string AppendProperty(string path, string name) =>
        name.All(c => char.IsLetterOrDigit(c) || c == '_') ? $"{path}.{name}" : $"{path}['{name}']";

    private static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "{…}",
        JsonArray => "[…]",
        _ => node.ToJsonString(),
    };

    private static string Location(JsonException ex)
    {
        var sb = new StringBuilder(string.IsNullOrEmpty(ex.Path) ? "$" : ex.Path);
        if (ex.LineNumber is { } line)
        {
            sb.Append(CultureInfo.InvariantCulture, $" (line {line + 1}, column {(ex.BytePositionInLine ?? 0) + 1})");
        }

        return sb.ToString();
    }

    /// <summary>The serializer appends "Path: … | LineNumber: …" to its messages; we report the path ourselves.</summary>
    private static string StripLocation(string message)
    {
        foreach (var marker in new[] { " Path: ", " LineNumber: " })
        {
            var at = message.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0)
            {
                message = message[..at];
            }
        }

        return message.Trim();
    }

    /// <summary>Durations as "hh:mm:ss" or "d.hh:mm:ss" (fractions of a second allowed); nothing looser.</summary>
    private sealed class DurationConverter : JsonConverter<TimeSpan>
    {
        private static readonly string[] _formats = [@"hh\:mm\:ss", @"hh\:mm\:ss\.FFFFFFF", @"d\.hh\:mm\:ss", @"d\.hh\:mm\:ss\.FFFFFFF"];

        public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.String && reader.GetString() is { } text)
            {
                var negative = text.StartsWith('-');
                var body = negative ? text[1..] : text;
                if (TimeSpan.TryParseExact(body, _formats, CultureInfo.InvariantCulture, out var value))
                {
                    // Accept negatives here so validation can say "must be positive", which is the real problem.
                    return negative ? -value : value;
                }
            }

            var ex = new JsonException("duration must be a string \"hh:mm:ss\" or \"d.hh:mm:ss\", e.g. \"00:30:00\"");
            ex.Data[ReasonKey] = "must be a duration \"hh:mm:ss\" or \"d.hh:mm:ss\", e.g. \"00:30:00\"";
            throw ex;
        }

        public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString("c", CultureInfo.InvariantCulture));
    }

    /// <summary>Enums by name only: a number would silently mean whatever the enum's order happens to be.</summary>
    private sealed class StrictEnumConverterFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(StrictEnumConverter<>).MakeGenericType(typeToConvert))!;

        private sealed class StrictEnumConverter<T> : JsonConverter<T>
            where T : struct, Enum
        {
            public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
            {
                // Enum.TryParse also accepts "2" or "1, 2"; only a plain name is a name.
                if (reader.TokenType == JsonTokenType.String && reader.GetString() is { Length: > 0 } name
                    && char.IsLetter(name[0]) && !name.Contains(',', StringComparison.Ordinal)
                    && Enum.TryParse<T>(name, ignoreCase: true, out var value) && Enum.IsDefined(value))
                {
                    return value;
                }

                var ex = new JsonException($"must be one of {string.Join(", ", Enum.GetNames<T>())}");
                ex.Data[ReasonKey] = $"must be one of {string.Join(", ", Enum.GetNames<T>())}";
                throw ex;
            }

            public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
                writer.WriteStringValue(value.ToString());
        }
    }
}
