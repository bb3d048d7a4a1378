namespace SupportQueue.Json.Tests;

/// <summary>Where a piece of text first occurs, as the 1-based line and column an error should name (ASCII fixtures).</summary>
internal static class TextPosition
{
    public static (int Line, int Column) Of(string json, string marker, int occurrence = 1)
    {
        var at = -1;
        for (var i = 0; i < occurrence; i++)
        {
            at = json.IndexOf(marker, at + 1, StringComparison.Ordinal);
            Assert.True(at >= 0, $"fixture lacks {marker}");
        }

        var before = json[..at];
        var lineStart = before.LastIndexOf('\n') + 1;
        return (before.Count(c => c == '\n') + 1, at - lineStart + 1);
    }
}
