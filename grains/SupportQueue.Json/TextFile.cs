namespace SupportQueue.Json;

/// <summary>Reads a whole input file; an unreadable file becomes an error line, not an exception.</summary>
internal static class TextFile
{
    public static (string? Text, string? Error) Read(string path, string what)
    {
        try
        {
            return (File.ReadAllText(path), null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var reason = ex is FileNotFoundException or DirectoryNotFoundException ? "file not found" : ex.Message;
            return (null, $"{what}: '{path}' — {reason}");
        }
    }
}
