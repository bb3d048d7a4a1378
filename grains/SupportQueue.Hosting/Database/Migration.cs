using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace SupportQueue.Hosting.Database;

/// <summary>One versioned schema script, <c>NNNN_name.sql</c>, embedded from <c>silo/sql</c>.</summary>
/// <param name="Version">The number before the first underscore; applied in ascending order.</param>
/// <param name="Name">The file name without extension, e.g. <c>0001_orleans_schema</c>.</param>
/// <param name="Script">The SQL text.</param>
/// <param name="Checksum">SHA-256 (hex) of the script with line endings normalised to LF.</param>
public sealed record Migration(int Version, string Name, string Script, string Checksum)
{
    private const string ResourcePrefix = "SupportQueue.Hosting.sql.";

    private static readonly Lazy<IReadOnlyList<Migration>> _embedded = new(() => Load(typeof(Migration).Assembly));

    // Checksums of earlier texts of a migration whose change left the schema as it was (comments
    // only), so databases that applied the earlier text still count as up to date. Never list a
    // change that alters what the script does: that belongs in a new NNNN_*.sql.
    private static readonly Dictionary<string, string[]> _formerChecksums = new(StringComparer.Ordinal)
    {
        // A local file path was taken out of the header comment.
        ["0001_orleans_schema"] = ["8d1c4d7458d9e113cd843254f49648ff4a63302fe4e2c73d435d5771a8cef30f"],
    };

    /// <summary>The migrations compiled into this build, in version order.</summary>
    public static IReadOnlyList<Migration> Embedded => _embedded.Value;

    /// <summary>Checksums of earlier, comment-only different texts of this migration, still accepted.</summary>
    public IReadOnlyList<string> FormerChecksums =>
        _formerChecksums.TryGetValue(Name, out var former) ? former : [];

    /// <summary>Whether a database's recorded checksum is this script's, or one of its <see cref="FormerChecksums"/>.</summary>
    public bool Matches(string recordedChecksum) =>
        string.Equals(recordedChecksum, Checksum, StringComparison.OrdinalIgnoreCase) ||
        FormerChecksums.Contains(recordedChecksum, StringComparer.OrdinalIgnoreCase);

    /// <summary>Builds a migration from a file name and its text (tests and tools).</summary>
    public static Migration Create(string fileName, string script)
    {
        var name = Path.GetFileNameWithoutExtension(fileName);
        var underscore = name.IndexOf('_', StringComparison.Ordinal);
        if (underscore <= 0 || !int.TryParse(name.AsSpan(0, underscore), NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version <= 0)
        {
            throw new InvalidOperationException($"Migration file '{fileName}' must be named NNNN_description.sql with NNNN a positive number.");
        }

        return new Migration(version, name, script, ComputeChecksum(script));
    }

    /// <summary>
    /// Line endings are normalised first so that a checkout with CRLF (git autocrlf) does not
    /// look like an edited migration.
    /// </summary>
    public static string ComputeChecksum(string script)
    {
        var normalised = script.Replace("\r\n", "\n", StringComparison.Ordinal).TrimStart('\uFEFF');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalised)));
    }

    internal static IReadOnlyList<Migration> Load(Assembly assembly)
    {
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(ResourcePrefix, StringComparison.Ordinal) || !resource.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            migrations.Add(Create(resource[ResourcePrefix.Length..], reader.ReadToEnd()));
        }

        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 1; i < migrations.Count; i++)
        {
            if (migrations[i].Version == migrations[i - 1].Version)
            {
                throw new InvalidOperationException($"Two migrations share version {migrations[i].Version}: {migrations[i - 1].Name} and {migrations[i].Name}.");
            }
        }

        return migrations;
    }
}
