using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace SupportQueue.Json;

/// <summary>
/// The one JSON dialect of SupportQueue, shared by scenario files, <c>desk configure</c> and the
/// silo's REST API, so that one settings file works everywhere: camelCase field names (exact
/// case); unknown fields and fields given twice refused; enums by name only, any case; durations
/// as "hh:mm:ss" or "d.hh:mm:ss"; comments and trailing commas allowed; a null only where the type
/// allows one. Errors name the path, the value and the position (<see cref="JsonInputError"/>).
/// </summary>
public static class SupportQueueJson
{
    /// <summary>Deepest nesting accepted (the serializer's default).</summary>
    public const int MaxDepth = 64;

    /// <summary>The dialect, read-only. Writes compactly; <see cref="Write{T}"/> can indent.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    // After Options: static initializers run in textual order.
    private static readonly JsonSerializerOptions _indented = new(Options) { WriteIndented = true };

    /// <summary>
    /// Applies the dialect to options someone else owns, e.g. ASP.NET Core's
    /// <c>ConfigureHttpJsonOptions(o =&gt; SupportQueueJson.Configure(o.SerializerOptions))</c>;
    /// it overrides the web defaults (case-insensitive names, numbers in strings).
    /// </summary>
    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DictionaryKeyPolicy = null;
        options.PropertyNameCaseInsensitive = false;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.AllowDuplicateProperties = false;
        options.RespectNullableAnnotations = true;
        options.ReadCommentHandling = JsonCommentHandling.Skip;
        options.AllowTrailingCommas = true;
        options.MaxDepth = MaxDepth;

        // Nulls are written: "agingStep": null (aging off) must not read back as the default.
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;

        // Keep whatever resolvers the host put there (ASP.NET Core adds its own, e.g. for problem
        // details) and put our converters first, so they win over any added earlier.
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(SettingsContract.Modify);
        for (var i = options.Converters.Count - 1; i >= 0; i--)
        {
            if (options.Converters[i] is DurationConverter or StrictEnumConverterFactory)
            {
                options.Converters.RemoveAt(i);
            }
        }

        options.Converters.Insert(0, new DurationConverter());
        options.Converters.Insert(1, new StrictEnumConverterFactory());
    }

    /// <summary>Reads JSON text as a <typeparamref name="T"/>; never throws for bad input. No semantic validation.</summary>
    public static JsonReadResult<T> Read<T>(string json)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(json);
        return Read<T>(System.Text.Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Reads UTF-8 JSON as a <typeparamref name="T"/>; never throws for bad input. No semantic validation.</summary>
    public static JsonReadResult<T> Read<T>(ReadOnlyMemory<byte> utf8)
        where T : class
    {
        if (utf8.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            utf8 = utf8[3..];
        }

        T? value;
        try
        {
            value = JsonSerializer.Deserialize<T>(utf8.Span, Options);
        }
        catch (JsonException ex)
        {
            return JsonReadResult<T>.Failure(JsonErrorExplainer.Explain(ex, typeof(T), Options, utf8));
        }

        return value is null
            ? JsonReadResult<T>.Failure(new JsonInputError("$", "null", JsonErrorExplainer.Expected(typeof(T), Options) ?? "must not be null"))
            : JsonReadResult<T>.Success(value);
    }

    /// <summary>
    /// Reads a request body of at most <paramref name="maxBytes"/> bytes. A larger body is refused
    /// without being read to its end.
    /// </summary>
    public static async Task<JsonReadResult<T>> ReadAsync<T>(Stream body, int maxBytes, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);
        // Pooled: every API request reads a body, and a fresh 16 KB chunk plus a growing copy per
        // request were most of what a submit allocated. Nothing read keeps a reference to the bytes.
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(4096L, maxBytes + 1L));
        var length = 0;
        try
        {
            int read;
            do
            {
                if (length == buffer.Length)
                {
                    buffer = Grow(buffer, length, (int)Math.Min(buffer.Length * 2L, maxBytes + 1L));
                }

                read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                length += read;
                if (length > maxBytes)
                {
                    return JsonReadResult<T>.Failure(new JsonInputError("$", null, $"the body is larger than {maxBytes} bytes"));
                }
            }
            while (read > 0);

            return Read<T>(buffer.AsMemory(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static byte[] Grow(byte[] buffer, int length, int size)
    {
        var larger = ArrayPool<byte>.Shared.Rent(size);
        buffer.AsSpan(0, length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }

    /// <summary>
    /// Explains a refusal the serializer gave elsewhere (e.g. ASP.NET Core's body binding) for the
    /// type it was reading. Without the text, the value and structural checks (duplicates, syntax) are
    /// best effort; give the text when you have it.
    /// </summary>
    public static JsonInputError Explain(JsonException exception, Type target, ReadOnlyMemory<byte>? utf8 = null)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(target);
        return JsonErrorExplainer.Explain(exception, target, Options, utf8);
    }

    /// <summary>Writes in the dialect; indented by default, as files are read by people.</summary>
    public static string Write<T>(T value, bool indented = true) =>
        JsonSerializer.Serialize(value, indented ? _indented : Options);

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions();
        Configure(options);
        options.MakeReadOnly();
        return options;
    }
}
