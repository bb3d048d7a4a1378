using System.Text.Json;

namespace SupportQueue.Silo.Security;

/// <summary>
/// The desks a request body names: every top-level property spelt <c>deskId</c> in any case (after
/// unescaping) whose value is a string, so a body cannot name one desk to the key check and another
/// to the endpoint's reader. A body that is not one valid JSON object names no desk; the endpoint
/// refuses it with a problem saying why.
/// </summary>
internal static class BodyDesks
{
    private const string Name = "deskId";

    // One forward pass of a reader over the bytes the endpoint will read: no document tree, and
    // every property name but the few of deskId's length is compared without making a string.
    public static List<string> Scan(ReadOnlySpan<byte> json)
    {
        var desks = new List<string>();
        var reader = new Utf8JsonReader(json);
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
