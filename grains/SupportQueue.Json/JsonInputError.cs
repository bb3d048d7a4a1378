using System.Globalization;
using System.Text;

namespace SupportQueue.Json;

/// <summary>
/// One problem with JSON input, found before any meaning is given to it: where (a JSON path such as
/// <c>$.roster.groups[0].colour</c>), the offending value as written (<c>"red"</c>, <c>5</c>,
/// <c>{…}</c>, <c>[3 items]</c>; null when there is none to show), why, and where in the text
/// (1-based line and column; column counts UTF-8 bytes, as the reader does).
/// <see cref="Hint"/> is optional help, such as the field names that would have been accepted.
/// </summary>
public sealed record JsonInputError(string Path, string? Value, string Reason, int? Line = null, int? Column = null, string? Hint = null)
{
    /// <summary>No JSON at all: an empty or blank input (a caller whose body is optional takes it as none).</summary>
    public static readonly JsonInputError Empty = new("$", null, "invalid JSON: the input is empty");

    /// <summary>The one rendering: <c>$.roster.groups[0].colour: "red" — unknown field (line 17, column 73); expected one of: …</c>.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder(Path);
        sb.Append(": ").Append(Value ?? "(none)").Append(" — ").Append(Reason);
        if (Line is { } line)
        {
            sb.Append(CultureInfo.InvariantCulture, $" (line {line}, column {Column ?? 1})");
        }

        if (Hint is not null)
        {
            sb.Append("; ").Append(Hint);
        }

        return sb.ToString();
    }
}
