using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SupportQueue.Json;

/// <summary>Durations as "hh:mm:ss" or "d.hh:mm:ss" (fractions of a second allowed); nothing looser.</summary>
internal sealed class DurationConverter : JsonConverter<TimeSpan>
{
    public const string Expected = "must be a duration \"hh:mm:ss\" or \"d.hh:mm:ss\", e.g. \"00:30:00\"";

    private static readonly string[] _formats = [@"hh\:mm\:ss", @"hh\:mm\:ss\.FFFFFFF", @"d\.hh\:mm\:ss", @"d\.hh\:mm\:ss\.FFFFFFF"];

    public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String && reader.GetString() is { } text)
        {
            var negative = text.StartsWith('-');
            var body = negative ? text[1..] : text;
            if (TimeSpan.TryParseExact(body, _formats, CultureInfo.InvariantCulture, out var value))
            {
                // Negatives are read so that validation can say "must be positive", which is the real problem.
                return negative ? -value : value;
            }
        }

        throw new JsonReasonException(Expected);
    }

    public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString("c", CultureInfo.InvariantCulture));
}
