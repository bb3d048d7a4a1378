using System.Globalization;
using SupportQueue.Core.Model;

namespace SupportQueue.Client.Cli;

/// <summary>
/// Parses the CLI's value syntaxes. Each check returns an error "argument: 'value' — reason" or
/// null, so a bad argument is reported before anything contacts the cluster.
/// </summary>
public static class CliParsing
{
    public static string? CheckPriority(string argument, string? text, out Priority priority)
    {
        priority = default;

        // Enum.TryParse alone would also take "2" or "p2, p3"; only the names are priorities.
        if (text is { Length: 2 } && (text[0] is 'P' or 'p') && text[1] is >= '1' and <= '4')
        {
            priority = (Priority)(text[1] - '0');
            return null;
        }

        return Error(argument, text, "must be P1, P2, P3 or P4 (P1 is the most urgent)");
    }

    public static string? CheckPresence(string argument, string? text, out Presence presence)
    {
        presence = default;
        switch (text?.ToLowerInvariant())
        {
            case "available":
                presence = Presence.Available;
                return null;
            case "break":
                presence = Presence.Break;
                return null;
            case "offline":
                presence = Presence.Offline;
                return null;
            default:
                return Error(argument, text, "must be available, break or offline");
        }
    }

    /// <summary>An agent skill: "name:level" with level 1 (novice) to 5 (expert).</summary>
    public static string? CheckAgentSkill(string argument, string? text, out SkillLevel skill)
    {
        skill = new SkillLevel("", 0);
        var colon = text?.LastIndexOf(':') ?? -1;
        if (text is null || colon <= 0)
        {
            return Error(argument, text, "expected name:level with level 1 to 5, e.g. billing:4");
        }

        var name = text[..colon];
        var level = text[(colon + 1)..];
        if (!IsName(name))
        {
            return Error(argument, text, "a skill name uses letters, digits, '-', '_' or '.'");
        }

        if (!int.TryParse(level, NumberStyles.None, CultureInfo.InvariantCulture, out var proficiency) || proficiency is < 1 or > 5)
        {
            return Error(argument, text, $"level '{level}' must be a whole number from 1 to 5, e.g. {name}:4");
        }

        skill = new SkillLevel(name, proficiency);
        return null;
    }

    /// <summary>A skill a ticket needs: a plain name. Proficiency belongs to agents.</summary>
    public static string? CheckTicketSkill(string argument, string? text)
    {
        if (text is not null && text.Contains(':', StringComparison.Ordinal))
        {
            return Error(argument, text, "a ticket names a skill without a level, e.g. --skill billing");
        }

        return IsName(text) ? null : Error(argument, text, "a skill name uses letters, digits, '-', '_' or '.'");
    }

    /// <summary>
    /// Ids end up as grain keys and in tables: the engine's rule (<see cref="StoredId"/>, with its
    /// reason and the value escaped), and on the command line no spaces either.
    /// </summary>
    public static string? CheckId(string argument, string? text)
    {
        if (StoredId.Problem(text) is { } problem)
        {
            return Error(argument, problem.Shown, problem.Reason);
        }

        // The whitespace StoredId lets through: the space separators (the rest are control characters).
        var id = text!;
        for (var i = 0; i < id.Length; i++)
        {
            if (char.IsWhiteSpace(id[i]))
            {
                return Error(argument, id, string.Create(CultureInfo.InvariantCulture, $"character {i} (U+{(int)id[i]:X4}) is a space; ids have no spaces"));
            }
        }

        return null;
    }

    public static string? CheckInt(string argument, string? text, int min, int max, out int value)
    {
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value) && value >= min && value <= max)
        {
            return null;
        }

        return Error(argument, text, $"must be a whole number from {min} to {max}");
    }

    public static string? CheckSeconds(string argument, string? text, double max, out TimeSpan value)
    {
        value = default;
        if (double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 && seconds <= max)
        {
            value = TimeSpan.FromSeconds(seconds);
            return null;
        }

        return Error(argument, text, $"must be a number of seconds above 0 and at most {max}");
    }

    /// <summary>
    /// An output directory that can be made: not an existing file and not under one. Checked
    /// before any work, so a long run does not end in a write that cannot happen.
    /// </summary>
    public static string? CheckOutputDirectory(string argument, string? path) =>
        CheckOutput(argument, path, directory: true);

    /// <summary>An output file that can be made: not an existing directory and not under a file.</summary>
    public static string? CheckOutputFile(string argument, string? path) =>
        CheckOutput(argument, path, directory: false);

    private static string? CheckOutput(string argument, string? path, bool directory)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return Error(argument, path, directory ? "must name a directory" : "must name a file");
        }

        if (directory && File.Exists(path))
        {
            return Error(argument, path, $"is a file; {argument} names a directory");
        }

        if (!directory && Directory.Exists(path))
        {
            return Error(argument, path, $"is a directory; {argument} names a file");
        }

        string? parent;
        try
        {
            parent = Path.GetDirectoryName(Path.GetFullPath(path));
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return Error(argument, path, ex.Message);
        }

        // The nearest part of the path that exists must be a directory for the rest to be made.
        for (; !string.IsNullOrEmpty(parent); parent = Path.GetDirectoryName(parent))
        {
            if (Directory.Exists(parent))
            {
                return null;
            }

            if (File.Exists(parent))
            {
                return Error(argument, path, $"lies under the file '{parent}'");
            }
        }

        return null;
    }

    /// <summary>A write to <paramref name="path"/> failed after the checks (permissions, a full disk): the option and the reason.</summary>
    public static string WriteFailed(string argument, string path, Exception ex) =>
        Error(argument, path, "could not be written: " + ex.Message);

    public static string? CheckRequired(string argument, string? text) =>
        string.IsNullOrWhiteSpace(text) ? Error(argument, text, "is required") : null;

    public static string Error(string argument, string? value, string reason) =>
        $"{argument}: {(value is null ? "(missing)" : $"'{value}'")} — {reason}";

    private static bool IsName(string? text) =>
        !string.IsNullOrEmpty(text) && text.Length <= 64 && text.All(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.');
}
