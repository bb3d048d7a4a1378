using System.Globalization;
using SupportQueue.Core.Model;

namespace SupportQueue.Core.History;

/// <summary>
/// The creation-time window of a desk export, [<see cref="From"/>, <see cref="To"/>) in UTC. An
/// export reads one recorder bucket per hour it covers, so the window is bounded
/// (<see cref="MaxLength"/>): a longer history is exported in parts.
/// </summary>
public sealed record ExportRange(DateTime From, DateTime To)
{
    /// <summary>The longest window one export covers.</summary>
    public static readonly TimeSpan MaxLength = TimeSpan.FromDays(31);

    private static readonly string[] _dateFormats = ["yyyy-MM-dd"];

    /// <summary>
    /// Reads a window from text: each end an ISO-8601 time with a zone (<c>2026-11-23T08:00:00Z</c>,
    /// an offset is converted to UTC) or a date (<c>2026-11-23</c>, midnight UTC). Throws a
    /// <see cref="SupportQueueException"/> naming the parameter and the value.
    /// </summary>
    /// <param name="from">The window's start, included.</param>
    /// <param name="to">The window's end, excluded.</param>
    /// <param name="fromName">How the caller names the start (<c>from</c> in a query, <c>--from</c> on a command line).</param>
    /// <param name="toName">How the caller names the end.</param>
    public static ExportRange Parse(string? from, string? to, string fromName = "from", string toName = "to")
    {
        var start = Time(fromName, from);
        var end = Time(toName, to);
        if (end <= start)
        {
            throw SupportQueueException.Invalid(toName, to, $"must be after {fromName} ({Show(start)})");
        }

        if (end - start > MaxLength)
        {
            throw SupportQueueException.Invalid(toName, to, $"the window from {Show(start)} is longer than {MaxLength.TotalDays:0} days; export it in parts");
        }

        return new ExportRange(start, end);
    }

    /// <summary>Whether a ticket created at <paramref name="created"/> (UTC) belongs in the window.</summary>
    public bool Contains(DateTime created) => created >= From && created < To;

    private static DateTime Time(string name, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw SupportQueueException.Invalid(name, text, "required: a UTC time such as 2026-11-23T08:00:00Z, or a date such as 2026-11-23");
        }

        var trimmed = text.Trim();
        if (DateTime.TryParseExact(trimmed, _dateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date))
        {
            return DateTime.SpecifyKind(date, DateTimeKind.Utc);
        }

        if (!DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) || !HasZone(trimmed))
        {
            throw SupportQueueException.Invalid(name, text, "not a time with a zone: write UTC such as 2026-11-23T08:00:00Z (or an offset such as +01:00), or a date such as 2026-11-23");
        }

        return at.UtcDateTime;
    }

    // DateTimeOffset.TryParse takes a time without a zone as local time; the export refuses it instead of guessing.
    private static bool HasZone(string text)
    {
        var t = text.IndexOf('T', StringComparison.OrdinalIgnoreCase);
        if (t < 0)
        {
            return false;
        }

        var time = text[(t + 1)..];
        return time.EndsWith('Z') || time.EndsWith('z') || time.Contains('+', StringComparison.Ordinal) || time.Contains('-', StringComparison.Ordinal);
    }

    private static string Show(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
