using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace SupportQueue.Json;

/// <summary>
/// Turns the serializer's refusal into a <see cref="JsonInputError"/> from facts, never from the
/// exception's English text: the path and position it reports, the value found at that path in
/// the document, and the contract (field names, types, required fields) of the type being read.
/// </summary>
internal static class JsonErrorExplainer
{
    public static JsonInputError Explain(JsonException ex, Type target, JsonSerializerOptions options, ReadOnlyMemory<byte>? utf8)
    {
        if (utf8 is { } text && JsonScan.FindStructuralProblem(text.Span) is { } problem)
        {
            return problem;
        }

        var path = string.IsNullOrEmpty(ex.Path) ? "$" : ex.Path;
        int? line = ex.LineNumber is { } l ? (int)l + 1 : null;
        int? column = ex.BytePositionInLine is { } c ? (int)c + 1 : null;

        // The reader's own exception type: the text is not JSON (only reached when the text was not given to scan).
        if (ex.InnerException is JsonException)
        {
            return new JsonInputError(path, null, "invalid JSON", line, column);
        }

        using var document = utf8 is { } bytes ? TryParse(bytes) : null;
        var steps = JsonPath.Parse(path);
        var element = document is null ? null : Find(document.RootElement, steps);
        var value = element is { } e ? JsonValueText.Describe(e) : null;

        if (steps.Count > 0 && steps[^1].Name is { } name
            && TypeAt(target, steps[..^1], options) is { } parent
            && options.GetTypeInfo(parent) is { Kind: JsonTypeInfoKind.Object } parentInfo
            && !parentInfo.Properties.Any(p => p.Name == name))
        {
            (line, column) = At(utf8, path, name: true) ?? (line, column);
            return new JsonInputError(path, value, "unknown field", line, column,
                $"expected one of: {string.Join(", ", parentInfo.Properties.Select(p => p.Name))}");
        }

        // Point at the start of the offending value rather than where the reader stopped.
        (line, column) = At(utf8, path, name: false) ?? (line, column);
        if (ex is JsonReasonException reasoned)
        {
            return new JsonInputError(path, value, reasoned.Reason, line, column);
        }

        var type = TypeAt(target, steps, options);
        if (element is { ValueKind: JsonValueKind.Object } obj && type is not null
            && options.GetTypeInfo(type) is { Kind: JsonTypeInfoKind.Object } info)
        {
            var missing = info.Properties.Where(p => p.IsRequired && !obj.TryGetProperty(p.Name, out _)).Select(p => $"'{p.Name}'").ToList();
            if (missing.Count > 0)
            {
                return new JsonInputError(path, value, $"missing required field{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)}", line, column);
            }

            // The serializer may name the object when one of its fields is a forbidden null.
            foreach (var property in info.Properties)
            {
                if (!AllowsNull(property) && obj.TryGetProperty(property.Name, out var field) && field.ValueKind == JsonValueKind.Null)
                {
                    var fieldPath = JsonPath.Append(path, property.Name);
                    (line, column) = At(utf8, fieldPath, name: false) ?? (line, column);
                    return new JsonInputError(fieldPath, "null", "must not be null", line, column);
                }
            }
        }

        if (element is { ValueKind: JsonValueKind.Null })
        {
            return new JsonInputError(path, "null", "must not be null", line, column);
        }

        return new JsonInputError(path, value, Expected(type, options) ?? "cannot be read here", line, column);
    }

    /// <summary>What a value of a type looks like, in the file's terms.</summary>
    public static string? Expected(Type? type, JsonSerializerOptions options)
    {
        if (type is null)
        {
            return null;
        }

        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum)
        {
            return StrictEnumConverterFactory.Reason(type);
        }

        switch (Type.GetTypeCode(type))
        {
            case TypeCode.Int16 or TypeCode.Int32 or TypeCode.Int64 or TypeCode.Byte or TypeCode.SByte:
                return "must be a whole number";
            case TypeCode.UInt16 or TypeCode.UInt32 or TypeCode.UInt64:
                return "must be a whole number, 0 or more";
            case TypeCode.Double or TypeCode.Single or TypeCode.Decimal:
                return "must be a number";
            case TypeCode.Boolean:
                return "must be true or false";
            case TypeCode.String or TypeCode.Char:
                return "must be a string";
            case TypeCode.DateTime:
                return "must be a date-time \"yyyy-MM-ddTHH:mm:ss\"";
        }

        if (type == typeof(TimeSpan))
        {
            return DurationConverter.Expected;
        }

        if (type == typeof(DateOnly))
        {
            return "must be a date \"yyyy-MM-dd\"";
        }

        if (type == typeof(TimeOnly))
        {
            return "must be a time of day \"hh:mm:ss\"";
        }

        return options.GetTypeInfo(type).Kind switch
        {
            JsonTypeInfoKind.Enumerable => "must be an array",
            JsonTypeInfoKind.Object or JsonTypeInfoKind.Dictionary => "must be an object",
            _ => null,
        };
    }

    /// <summary>Which type the serializer was reading at a path, following the contract from the root type.</summary>
    private static Type? TypeAt(Type root, IEnumerable<JsonPathStep> steps, JsonSerializerOptions options)
    {
        Type? type = root;
        foreach (var step in steps)
        {
            if (type is null)
            {
                return null;
            }

            var info = options.GetTypeInfo(Nullable.GetUnderlyingType(type) ?? type);
            type = (info.Kind, step.Index) switch
            {
                (JsonTypeInfoKind.Enumerable, not null) => info.ElementType,
                (JsonTypeInfoKind.Dictionary, null) => info.ElementType,
                (JsonTypeInfoKind.Object, null) => info.Properties.FirstOrDefault(p => p.Name == step.Name)?.PropertyType,
                _ => null,
            };
        }

        return type;
    }

    private static (int?, int?)? At(ReadOnlyMemory<byte>? utf8, string path, bool name) =>
        utf8 is { } text && JsonScan.Locate(text.Span, path, name) is var (l, c) ? (l, c) : null;

    private static bool AllowsNull(JsonPropertyInfo property) =>
        property.IsSetNullable && (property.AssociatedParameter is null || property.AssociatedParameter.IsNullable);

    private static JsonDocument? TryParse(ReadOnlyMemory<byte> utf8)
    {
        try
        {
            return JsonDocument.Parse(utf8, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonElement? Find(JsonElement root, IReadOnlyList<JsonPathStep> steps)
    {
        var node = root;
        foreach (var step in steps)
        {
            if (step.Index is { } i)
            {
                if (node.ValueKind != JsonValueKind.Array || i >= node.GetArrayLength())
                {
                    return null;
                }

                node = node[i];
            }
            else if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(step.Name!, out node))
            {
                return null;
            }
        }

        return node;
    }
}
