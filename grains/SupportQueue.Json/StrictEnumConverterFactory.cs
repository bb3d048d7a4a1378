using System.Text.Json;
using System.Text.Json.Serialization;
using SupportQueue.Core.Randomness;

namespace SupportQueue.Json;

/// <summary>
/// Enums by name only, read case-insensitively: a number would silently mean whatever the enum's
/// order happens to be. Distribution kinds are written in lower case, as scenario files always had them.
/// </summary>
internal sealed class StrictEnumConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(StrictEnumConverter<>).MakeGenericType(typeToConvert))!;

    /// <summary>The names a file may use for an enum, as they are written.</summary>
    public static IReadOnlyList<string> Names(Type enumType) =>
        [.. Enum.GetNames(enumType).Select(n => enumType == typeof(DistributionKind) ? n.ToLowerInvariant() : n)];

    public static string Reason(Type enumType) => $"must be one of {string.Join(", ", Names(enumType))}";

    private sealed class StrictEnumConverter<T> : JsonConverter<T>
        where T : struct, Enum
    {
        private static readonly string _reason = Reason(typeof(T));

        // Written on every REST response: encode each name once.
        private static readonly Dictionary<T, JsonEncodedText> _written = Enum.GetValues<T>().Distinct()
            .ToDictionary(v => v, v => JsonEncodedText.Encode(typeof(T) == typeof(DistributionKind) ? v.ToString().ToLowerInvariant() : v.ToString()));

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            // Enum.TryParse also accepts "2" or "1, 2"; only a plain name is a name.
            if (reader.TokenType == JsonTokenType.String && reader.GetString() is { Length: > 0 } name
                && char.IsLetter(name[0]) && !name.Contains(',', StringComparison.Ordinal)
                && Enum.TryParse<T>(name, ignoreCase: true, out var value) && Enum.IsDefined(value))
            {
                return value;
            }

            throw new JsonReasonException(_reason);
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        {
            if (_written.TryGetValue(value, out var name))
            {
                writer.WriteStringValue(name);
            }
            else
            {
                // An undefined value (e.g. an unset Priority) is written as its number, which reading refuses.
                writer.WriteStringValue(value.ToString());
            }
        }
    }
}
