using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SupportQueue.Core.Model;

namespace SupportQueue.Silo.Api;

/// <summary>Limits on what the API accepts, checked before anything reaches a grain.</summary>
internal static class InputChecks
{
    /// <summary>Longest id (desk, agent, ticket, tier, skill).</summary>
    public const int MaxIdLength = 128;

    /// <summary>Longest subject or reason.</summary>
    public const int MaxTextLength = 500;

    /// <summary>Largest request body.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>Largest page.</summary>
    public const int MaxPageSize = 500;

    /// <summary>An id: present, at most 128 characters, printable (no control or format characters, no surrounding space).</summary>
    public static BadRequest<ProblemDetails>? Id(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Problems.Invalid(field, value, "required; must not be empty");
        }

        if (value.Length > MaxIdLength)
        {
            return Problems.Invalid(field, value[..32] + "…", $"longer than {MaxIdLength} characters ({value.Length})");
        }

        if (value.Trim().Length != value.Length)
        {
            return Problems.Invalid(field, value, "must not start or end with white space");
        }

        return Printable(field, value, refuseFormat: true);
    }

    /// <summary>
    /// An id a route will have to name later (a submitted ticket's): <see cref="Id"/>, and one URL
    /// path segment. A '/' stays "%2F" in a route value and "." or ".." is removed from the path, so
    /// such a ticket could be stored but never read, abandoned or resolved over this API.
    /// </summary>
    public static BadRequest<ProblemDetails>? PathId(string field, string? value) =>
        Id(field, value)
        ?? (value!.Contains('/', StringComparison.Ordinal) ? Problems.Invalid(field, value, "must not contain '/': the id is a segment of the ticket's URL")
            : value is "." or ".." ? Problems.Invalid(field, value, "must not be '.' or '..': URLs drop those path segments")
            : null);

    /// <summary>A skill name: an id without the separators of ticket-history traces (<see cref="RecordName"/>).</summary>
    public static BadRequest<ProblemDetails>? Name(string field, string? value) =>
        Id(field, value)
        ?? (RecordName.Problem(value) is { } bad ? Problems.Invalid(field, bad.Shown, bad.Reason) : null);

    /// <summary>Optional free text: at most 500 characters, no control characters.</summary>
    public static BadRequest<ProblemDetails>? Text(string field, string? value) =>
        value is null ? null
        : value.Length > MaxTextLength ? Problems.Invalid(field, value[..32] + "…", $"longer than {MaxTextLength} characters ({value.Length})")
        : Printable(field, value, refuseFormat: false);

    /// <summary>Paging from the query string; both optional (offset 0, limit 50).</summary>
    public static BadRequest<ProblemDetails>? Page(string? offset, string? limit, out int skip, out int take)
    {
        skip = 0;
        take = 50;
        if (offset is not null && (!int.TryParse(offset, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out skip)))
        {
            return Problems.Invalid("offset", offset, "must be a whole number, 0 or more");
        }

        if (limit is not null && (!int.TryParse(limit, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out take) || take is < 1 or > MaxPageSize))
        {
            return Problems.Invalid("limit", limit, $"must be a whole number from 1 to {MaxPageSize}");
        }

        return null;
    }

    // Ids also refuse invisible format characters (zero-width space, direction marks): two ids that
    // look the same must be the same. Text may hold them (emoji sequences use a zero-width joiner).
    private static BadRequest<ProblemDetails>? Printable(string field, string value, bool refuseFormat)
    {
        foreach (var c in value)
        {
            if (char.IsControl(c) || (refuseFormat && char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format))
            {
                return Problems.Invalid(field, Escaped(value), $"contains the control character U+{(int)c:X4}");
            }
        }

        return null;
    }

    /// <summary>Control characters shown as \u escapes, so a problem never carries them back raw.</summary>
    public static string Escaped(string value)
    {
        var sb = new System.Text.StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (char.IsControl(c))
            {
                sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
