using System.Collections.Immutable;
using System.Globalization;
using SupportQueue.Core.Comparison;
using SupportQueue.Core.Model;
using SupportQueue.Json;
using SupportQueue.LoadTests.Thresholds;

namespace SupportQueue.LoadTests.Cli;

/// <summary>
/// The value syntaxes of the load commands' options. Each throws a <see cref="UsageException"/>
/// "--name: invalid value 'value' — reason", so a bad argument fails before any silo starts.
/// </summary>
public static class OptionValues
{
    public static UsageException Bad(string name, string value, string expected) => new($"{name}: invalid value '{value}' — {expected}");

    public static double Number(string name, string value, double min) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) && v >= min
            ? v
            : throw Bad(name, value, $"expected a number >= {min.ToString(CultureInfo.InvariantCulture)}");

    public static int Int(string name, string value, int min, int max) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max
            ? v
            : throw Bad(name, value, $"expected an integer {min}..{max}");

    /// <summary>
    /// An input file's text. A directory is named as one (reading it fails as "Access to the path
    /// is denied", which sends the user to the permissions); <paramref name="missing"/> says what
    /// was expected when there is no such file.
    /// </summary>
    public static string ReadFile(string name, string path, string missing)
    {
        if (Directory.Exists(path))
        {
            throw Bad(name, path, "is a directory; a file is needed");
        }

        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw Bad(name, path, missing);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw Bad(name, path, ex.Message);
        }
    }

    public static string NonEmpty(string name, string value) =>
        string.IsNullOrWhiteSpace(value) ? throw Bad(name, value, "must not be empty") : value;

    /// <summary>The longest duration an option takes: far beyond any run, well inside TimeSpan.</summary>
    public static readonly TimeSpan MaxSpan = TimeSpan.FromDays(365);

    /// <summary>A duration such as 30s, 2m, 500ms, 1h (a bare number is seconds), at most <see cref="MaxSpan"/>.</summary>
    public static TimeSpan Span(string name, string value)
    {
        var (number, unit) = value.EndsWith("ms", StringComparison.Ordinal) ? (value[..^2], 0.001)
            : value.EndsWith('s') ? (value[..^1], 1.0)
            : value.EndsWith('m') ? (value[..^1], 60.0)
            : value.EndsWith('h') ? (value[..^1], 3600.0)
            : (value, 1.0);
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) && v > 0 && v * unit <= MaxSpan.TotalSeconds
            ? TimeSpan.FromSeconds(v * unit)
            : throw Bad(name, value, "expected a positive duration of at most 365 days, such as 30s, 2m or 500ms");
    }

    /// <summary>An output directory that can be made: not an existing file, not under one.</summary>
    public static string OutputDirectory(string name, string value) => Output(name, value, directory: true);

    /// <summary>An output file that can be made: not an existing directory, not under a file.</summary>
    public static string OutputFile(string name, string value) => Output(name, value, directory: false);

    private static string Output(string name, string value, bool directory)
    {
        NonEmpty(name, value);
        if (directory && File.Exists(value))
        {
            throw Bad(name, value, $"is a file; {name} names a directory");
        }

        if (!directory && Directory.Exists(value))
        {
            throw Bad(name, value, $"is a directory; {name} names a file");
        }

        // The nearest part of the path that exists must be a directory for the rest to be made.
        for (var parent = Path.GetDirectoryName(Path.GetFullPath(value)); !string.IsNullOrEmpty(parent); parent = Path.GetDirectoryName(parent))
        {
            if (Directory.Exists(parent))
            {
                break;
            }

            if (File.Exists(parent))
            {
                throw Bad(name, value, $"lies under the file '{parent}'");
            }
        }

        return value;
    }

    /// <summary>auto (null), N for every tier, or one count per tier.</summary>
    public static ImmutableArray<int>? AgentCounts(string name, string value)
    {
        if (value == "auto")
        {
            return null;
        }

        var parts = value.Split(',');
        if (parts.Length is not (1 or 3))
        {
            throw Bad(name, value, "expected auto, N, or L1,L2,L3 counts");
        }

        var counts = parts.Select(p => Int(name, p, 1, 10_000)).ToArray();
        return counts.Length == 1 ? [counts[0], counts[0], counts[0]] : [.. counts];
    }

    /// <summary>
    /// A runner threshold ("p99 submit->assign &lt; 20ms") or, where <paramref name="policyRulesAllowed"/>
    /// (compare), a rule on a policy metric ("desk service_level &gt;= 0.8"); null in the matching slot.
    /// </summary>
    public static (string? Runner, PolicyThreshold? Policy) ThresholdRule(string value, bool policyRulesAllowed)
    {
        try
        {
            Threshold.Parse(value);
            return (value, null);
        }
        catch (ThresholdFormatException ex)
        {
            // compare also takes rules on policy metrics: "TIER METRIC OP VALUE".
            if (policyRulesAllowed && value.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [_, var metric, ..] && ComparisonMetric.Find(metric) is not null)
            {
                try
                {
                    return (null, PolicyThreshold.Parse(value));
                }
                catch (SupportQueueException policyEx)
                {
                    throw new UsageException(policyEx.Message);
                }
            }

            throw Bad("--threshold", value, ex.Message);
        }
    }

    /// <summary>A desk settings file, checked like the client's (same messages), named after the file.</summary>
    public static NamedPolicy PolicyFile(string name, string path, IReadOnlyCollection<NamedPolicy> earlier)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        var read = DeskSettingsJson.Read(ReadFile(name, path, "expected a desk settings file (no such file)"));
        if (read.Value is not { } desk || !read.IsValid)
        {
            throw new UsageException($"{name}: {path}: invalid desk settings" + Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", read.Errors));
        }

        var policyName = Path.GetFileNameWithoutExtension(path);
        for (var i = 2; earlier.Any(p => p.Name == policyName); i++)
        {
            policyName = $"{Path.GetFileNameWithoutExtension(path)}-{i.ToString(CultureInfo.InvariantCulture)}";
        }

        return new NamedPolicy(policyName, desk);
    }
}
