namespace SupportQueue.Hosting;

/// <summary>Where grain state, cluster membership and reminders live.</summary>
public enum StorageKind
{
    /// <summary>One machine: localhost clustering, in-memory storage and reminders.</summary>
    Memory,

    /// <summary>PostgreSQL through Orleans' ADO.NET providers for storage, clustering and reminders.</summary>
    PostgreSQL,
}

/// <summary>
/// Settings shared by the silo, the CLI's embedded silo, the load tests and the test clusters.
/// Bound from the configuration section <c>SupportQueue</c> (appsettings.json, environment
/// variables such as <c>SupportQueue__Storage=PostgreSQL</c>, command line).
/// </summary>
public sealed class SupportQueueOptions
{
    public const string SectionName = "SupportQueue";

    /// <summary>Grain storage provider name every SupportQueue grain persists through.</summary>
    public const string StorageProviderName = "supportqueue";

    public StorageKind Storage { get; set; } = StorageKind.Memory;

    /// <summary>Npgsql connection string; required when <see cref="Storage"/> is PostgreSQL.</summary>
    public string? ConnectionString { get; set; }

    public string ClusterId { get; set; } = "supportqueue";

    public string ServiceId { get; set; } = "supportqueue";

    /// <summary>Silo-to-silo port. Give every silo process on one machine its own.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Client gateway port. Give every silo process on one machine its own.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>Localhost clustering only: the silo port of the primary silo.</summary>
    public int PrimarySiloPort { get; set; } = 11111;

    /// <summary>PostgreSQL only: apply pending schema migrations when the silo starts.</summary>
    public bool MigrateOnStart { get; set; }

    /// <summary>
    /// Checks the settings and returns every problem as "field: value — reason"; empty when valid.
    /// </summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!Enum.IsDefined(Storage))
        {
            errors.Add($"{SectionName}:Storage: '{Storage}' — must be Memory or PostgreSQL");
        }

        if (Storage == StorageKind.PostgreSQL && string.IsNullOrWhiteSpace(ConnectionString))
        {
            errors.Add($"{SectionName}:ConnectionString: (empty) — required when Storage is PostgreSQL");
        }

        CheckPort(errors, nameof(SiloPort), SiloPort);
        CheckPort(errors, nameof(GatewayPort), GatewayPort);
        CheckPort(errors, nameof(PrimarySiloPort), PrimarySiloPort);
        if (SiloPort == GatewayPort)
        {
            errors.Add($"{SectionName}:GatewayPort: {GatewayPort} — must differ from SiloPort");
        }

        if (string.IsNullOrWhiteSpace(ClusterId))
        {
            errors.Add($"{SectionName}:ClusterId: (empty) — required");
        }

        if (string.IsNullOrWhiteSpace(ServiceId))
        {
            errors.Add($"{SectionName}:ServiceId: (empty) — required");
        }

        return errors;
    }

    private static void CheckPort(List<string> errors, string name, int port)
    {
        if (port is < 1 or > 65535)
        {
            errors.Add($"{SectionName}:{name}: {port} — must be a TCP port between 1 and 65535");
        }
    }
}
