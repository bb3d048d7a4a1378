namespace SupportQueue.Core.Model;

/// <summary>
/// A desk's <see cref="DeskSettings.TimeZone"/> by name. Zones come from the machine's time-zone
/// database, which is static data, so looking one up is as deterministic as the settings themselves.
/// </summary>
public static class DeskTimeZone
{
    private const int MaxLength = 64;

    /// <summary>Why <paramref name="id"/> is not a usable zone, or null when it is.</summary>
    public static string? Problem(string? id) =>
        string.IsNullOrWhiteSpace(id) ? "must name a time zone, e.g. UTC or Europe/Berlin"
        : id.Length > MaxLength ? $"must be at most {MaxLength} characters"
        : !TimeZoneInfo.TryFindSystemTimeZoneById(id, out _) ? "is not a known time zone (IANA names such as UTC, Europe/Berlin, America/New_York)"
        : null;

    /// <summary>The zone named by <paramref name="id"/>; UTC for an unset id (settings stored before the field existed).</summary>
    public static TimeZoneInfo Find(string? id) =>
        string.IsNullOrEmpty(id) ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(id);
}
