namespace SupportQueue.Json;

/// <summary>
/// Reads a whole input file for the CLIs and the file loaders; an unreadable file becomes an error
/// line "what: 'path' — reason", not an exception.
/// </summary>
public static class TextFile
{
    /// <param name="path">The file.</param>
    /// <param name="what">The option or argument that named it, e.g. <c>--policy</c>.</param>
    public static (string? Text, string? Error) Read(string path, string what)
    {
        // Reading a directory fails as "Access to the path is denied", which sends the user
        // looking at permissions instead of at the path.
        if (Directory.Exists(path))
        {
            return (null, $"{what}: '{path}' — is a directory; a file is needed");
        }

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
