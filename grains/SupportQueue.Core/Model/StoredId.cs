using System.Globalization;
using System.Text;

namespace SupportQueue.Core.Model;

/// <summary>
/// What an id must be to be stored and keyed: grain keys end up in database keys (PostgreSQL's
/// btree keys cannot hold a 4,000-character id, and text columns refuse NUL), so an id that could
/// not be stored is refused up front instead of failing half-way through a write.
/// </summary>
public static class StoredId
{
    public const int MaxLength = 128;

    /// <summary>Throws an InvalidArgument refusal naming <paramref name="field"/> and the value when <paramref name="value"/> is not a storable id.</summary>
    public static void Require(string field, string? value)
    {
        if (Problem(value) is { } problem)
        {
            throw SupportQueueException.Invalid(field, problem.Shown, problem.Reason);
        }
    }

    /// <summary>Why <paramref name="value"/> is not a storable id (with the value as it can be shown), or null when it is one.</summary>
    public static (string? Shown, string Reason)? Problem(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return (value, "must not be empty");
        }

        if (value.Length > MaxLength)
        {
            return (Shown(value), $"is {value.Length} characters long; the limit is {MaxLength}");
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c) || char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                return (Shown(value), $"character {i} (U+{(int)c:X4}) is not printable; ids are printable text");
            }
        }

        return null;
    }

    // The value as it can be read back in a message: non-printable characters escaped, a long one cut.
    private static string Shown(string value)
    {
        var text = new StringBuilder();
        foreach (var c in value.Length > 40 ? value[..40] : value)
        {
            if (char.IsControl(c) || char.IsSurrogate(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                text.Append(c);
            }
        }

        return value.Length > 40 ? text.Append('…').ToString() : text.ToString();
    }
}
