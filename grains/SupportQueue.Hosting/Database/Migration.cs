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

    /// <summary>The migrations compiled into this build, in version order.</summary>
    public static IReadOnlyList<Migration> Embedded => _embedded.Value;

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
