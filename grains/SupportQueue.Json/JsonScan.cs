using System.Text;
using System.Text.Json;

namespace SupportQueue.Json;

/// <summary>
/// Walks JSON text once, with the reader alone, for the problems that are about the text rather
/// than its meaning: invalid syntax, nesting too deep, a field given twice. Runs only after the
/// serializer refused the input, so accepted input pays nothing for it.
/// </summary>
internal static class JsonScan
{
    private const int ValueSnippetBytes = 24;

    public static readonly JsonReaderOptions ReaderOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,

        // Deeper than the serializer allows, so that we, not the reader, say what is wrong.
        MaxDepth = SupportQueueJson.MaxDepth * 4,
    };

    /// <summary>The first such problem in document order; null when the text is well-formed.</summary>
    public static JsonInputError? FindStructuralProblem(ReadOnlySpan<byte> utf8)
    {
        if (IsBlank(utf8))
        {
            return JsonInputError.Empty;
        }

        if (FirstInvalidUtf8(utf8) is { } bad)
        {
            var (line, column) = Position(utf8, bad);
            return new JsonInputError("$", null, "invalid JSON: the text is not UTF-8", line, column);
        }

        var reader = new Utf8JsonReader(utf8, ReaderOptions);
        var frames = new Stack<Frame>();
        var path = "$";
        try
        {
            while (reader.Read())
            {
                var valuePath = ValuePath(frames, path);
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        var name = reader.GetString()!;
                        var frame = frames.Peek();
                        var propertyPath = JsonPath.Append(frame.Path, name);
                        if (!frame.Names!.Add(name))
                        {
                            var (line, column) = Position(utf8, reader.TokenStartIndex);
                            reader.Read();
                            return new JsonInputError(propertyPath, Describe(ref reader), "field given twice; a field may appear only once", line, column);
                        }

                        frame.Pending = name;
                        continue;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        if (reader.CurrentDepth >= SupportQueueJson.MaxDepth)
                        {
                            var (line, column) = Position(utf8, reader.TokenStartIndex);
                            return new JsonInputError(valuePath, reader.TokenType == JsonTokenType.StartObject ? "{…}" : "[…]",
                                $"nested deeper than {SupportQueueJson.MaxDepth} levels", line, column);
                        }

                        frames.Push(new Frame(valuePath, reader.TokenType == JsonTokenType.StartArray));
                        path = valuePath;
                        continue;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.Pop();
                        path = frames.Count == 0 ? "$" : frames.Peek().Path;
                        Advance(frames);
                        continue;
                    default:
                        Advance(frames);
                        continue;
                }
            }
        }
        catch (JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? 0);
            var column = (int)(ex.BytePositionInLine ?? 0);
            var offset = Offset(utf8, line, column);
            var snippet = Snippet(utf8, offset);
            var reason = snippet is null ? "invalid JSON: the text ends before the value is complete" : "invalid JSON: unexpected text here";
            return new JsonInputError(path, snippet, reason, line + 1, column + 1);
        }

        return null;
    }

    /// <summary>
    /// Where the value at <paramref name="path"/> starts (or its field name, with
    /// <paramref name="name"/>), as 1-based line and column; null when the path is not in the text.
    /// The serializer reports where it stopped reading, which for an object is just past its "{".
    /// </summary>
    public static (int Line, int Column)? Locate(ReadOnlySpan<byte> utf8, string path, bool name)
    {
        var target = JsonPath.Format(JsonPath.Parse(path));
        var reader = new Utf8JsonReader(utf8, ReaderOptions);
        var frames = new Stack<Frame>();
        try
        {
            while (reader.Read())
            {
                var valuePath = ValuePath(frames, "$");
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        var frame = frames.Peek();
                        frame.Pending = reader.GetString();
                        if (name && JsonPath.Append(frame.Path, frame.Pending!) == target)
                        {
                            return Position(utf8, reader.TokenStartIndex);
                        }

                        continue;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.Pop();
                        Advance(frames);
                        continue;
                }

                if (!name && valuePath == target)
                {
                    return Position(utf8, reader.TokenStartIndex);
                }

                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    frames.Push(new Frame(valuePath, reader.TokenType == JsonTokenType.StartArray));
                }
                else
                {
                    Advance(frames);
                }
            }
        }
        catch (JsonException)
        {
            // Only well-formed text gets here; a surprise means we simply do not know the place.
        }

        return null;
    }

    /// <summary>1-based line and column (in bytes) of a byte offset, counted as the reader counts them.</summary>
    public static (int Line, int Column) Position(ReadOnlySpan<byte> utf8, long offset)
    {
        var before = utf8[..(int)Math.Min(offset, utf8.Length)];
        var line = before.Count((byte)'\n');
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        return (line + 1, before.Length - lineStart + 1);
    }

    private static int? FirstInvalidUtf8(ReadOnlySpan<byte> utf8)
    {
        if (System.Text.Unicode.Utf8.IsValid(utf8))
        {
            return null;
        }

        var chars = new char[utf8.Length];
        System.Text.Unicode.Utf8.ToUtf16(utf8, chars, out var read, out _, replaceInvalidSequences: false);
        return read;
    }

    private static bool IsBlank(ReadOnlySpan<byte> utf8)
    {
        foreach (var b in utf8)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return false;
            }
        }

        return true;
    }

    private static string ValuePath(Stack<Frame> frames, string path)
    {
        if (frames.Count == 0)
        {
            return path;
        }

        var frame = frames.Peek();
        return frame.IsArray ? JsonPath.Append(frame.Path, frame.Index)
            : frame.Pending is { } name ? JsonPath.Append(frame.Path, name) : frame.Path;
    }

    /// <summary>A value inside the current container is complete.</summary>
    private static void Advance(Stack<Frame> frames)
    {
        if (frames.Count > 0)
        {
            var frame = frames.Peek();
            frame.Index++;
            frame.Pending = null;
        }
    }

    private static string Describe(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.StartObject => "{…}",
        JsonTokenType.StartArray => "[…]",
        JsonTokenType.String => JsonValueText.Shorten("\"" + Encoding.UTF8.GetString(reader.ValueSpan) + "\""),
        _ => JsonValueText.Shorten(Encoding.UTF8.GetString(reader.ValueSpan)),
    };

    private static int Offset(ReadOnlySpan<byte> utf8, int line, int column)
    {
        var offset = 0;
        for (var l = 0; l < line; l++)
        {
            var next = utf8[offset..].IndexOf((byte)'\n');
            if (next < 0)
            {
                return utf8.Length;
            }

            offset += next + 1;
        }

        return Math.Min(offset + column, utf8.Length);
    }

    /// <summary>The text where the reader stopped, up to the end of the line; null at the end of the input.</summary>
    private static string? Snippet(ReadOnlySpan<byte> utf8, int offset)
    {
        var rest = utf8[offset..];
        var end = rest.IndexOfAny((byte)'\n', (byte)'\r');
        var line = (end < 0 ? rest : rest[..end]).TrimEnd((byte)' ');
        if (line.IsEmpty)
        {
            return rest.IsEmpty || IsBlank(rest) ? null : "(end of line)";
        }

        return line.Length <= ValueSnippetBytes ? Encoding.UTF8.GetString(line) : Encoding.UTF8.GetString(line[..ValueSnippetBytes]) + "…";
    }

    private sealed class Frame(string path, bool isArray)
    {
        public string Path { get; } = path;

        public bool IsArray { get; } = isArray;

        public int Index { get; set; }

        public string? Pending { get; set; }

        public HashSet<string>? Names { get; } = isArray ? null : new(StringComparer.Ordinal);
    }
}
