using System.Globalization;

namespace SupportQueue.Silo.Security;

/// <summary>Settings under <c>SupportQueue:Auth</c>.</summary>
public sealed class SecurityOptions
{
    public const string SectionName = "SupportQueue:Auth";

    /// <summary>Requires a key on every API route. Unset: on in PostgreSQL mode, off in memory mode.</summary>
    public bool? Enabled { get; set; }

    /// <summary>Requests per second each key may make on average.</summary>
    public int PermitsPerSecond { get; set; } = 200;

    /// <summary>Requests a key may make at once above the average (the token bucket's size).</summary>
    public int Burst { get; set; } = 400;

    /// <summary>How long a looked-up key is trusted before it is read again (a revoke takes effect within this).</summary>
    public TimeSpan CacheFor { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Every problem as "field: value — reason", worded as <c>SupportQueueOptions.Validate</c>; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (PermitsPerSecond < 1)
        {
            errors.Add($"{SectionName}:PermitsPerSecond: {PermitsPerSecond.ToString(CultureInfo.InvariantCulture)} — must be at least 1");
        }

        if (Burst < 1)
        {
            errors.Add($"{SectionName}:Burst: {Burst.ToString(CultureInfo.InvariantCulture)} — must be at least 1");
        }

        if (CacheFor < TimeSpan.Zero)
        {
            errors.Add($"{SectionName}:CacheFor: {CacheFor.ToString("c", CultureInfo.InvariantCulture)} — must be at least 00:00:00");
        }

        return errors;
    }
}
