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
}
