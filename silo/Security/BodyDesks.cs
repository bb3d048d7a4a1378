using System.Text.Json;

namespace SupportQueue.Silo.Security;

/// <summary>
/// The desks a request body names: every top-level property spelt <c>deskId</c> in any case (after
/// unescaping) whose value is a string, so a body cannot name one desk to the key check and another
/// to the endpoint's reader. It reads the endpoint's dialect (a byte order mark, comments and
/// trailing commas allowed), or a body the endpoint accepts could name a desk this scan never saw.
/// A body that is not one valid JSON object names no desk; the endpoint refuses it with a problem
/// saying why.
/// </summary>
internal static class BodyDesks
{
    private const string Name = "deskId";

    private static readonly JsonReaderOptions _dialect = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = SupportQueue.Json.SupportQueueJson.MaxDepth,
    };

    // One forward pass of a reader over the bytes the endpoint will read: no document tree, and
    // every property name but the few of deskId's length is compared without making a string.
    public static List<string> Scan(ReadOnlySpan<byte> json)
    {
        var desks = new List<string>();
        if (json.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            json = json[3..];
        }

        var reader = new Utf8JsonReader(json, _dialect);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return [];
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var named = MayBeDeskId(ref reader) && string.Equals(reader.GetString(), Name, StringComparison.OrdinalIgnoreCase);
                reader.Read();
                if (named && reader.TokenType == JsonTokenType.String)
                {
                    desks.Add(reader.GetString()!);
                }
                else
                {
                    reader.Skip();
                }
            }

            // Whatever follows the object must be nothing (the reader throws on anything else).
            return reader.TokenType == JsonTokenType.EndObject && !reader.Read() ? desks : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    // An unescaped name of any other length cannot be deskId; an escaped one is unescaped to compare.
    private static bool MayBeDeskId(ref Utf8JsonReader reader) => reader.ValueIsEscaped || reader.ValueSpan.Length == Name.Length;
}
