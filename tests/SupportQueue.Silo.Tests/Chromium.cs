namespace SupportQueue.Silo.Tests;

/// <summary>Where Debian's chromium is: /usr/bin/chromium, or the first <c>chromium</c> on PATH.</summary>
internal static class Chromium
{
    public static string? Path { get; } = Find();

    private static string? Find()
    {
        var candidates = new List<string> { "/usr/bin/chromium" };
        candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => System.IO.Path.Combine(dir, "chromium")));
        return candidates.FirstOrDefault(File.Exists);
    }
}
