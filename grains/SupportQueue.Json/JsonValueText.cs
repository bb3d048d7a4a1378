using System.Text.Json;

namespace SupportQueue.Json;

/// <summary>How an offending value is quoted in an error: as written, shortened; containers by size.</summary>
internal static class JsonValueText
{
    private const int MaxLength = 80;

    public static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().Any() ? "{…}" : "{}",
        JsonValueKind.Array => element.GetArrayLength() is var n and > 0 ? $"[{n} items]" : "[]",
        _ => Shorten(element.GetRawText()),
    };

    public static string Shorten(string text) => text.Length <= MaxLength ? text : text[..(MaxLength - 1)] + "…";
}
