namespace SupportQueue.Hosting;

/// <summary>
/// Settings shared by the silo, the CLI's embedded silo, the load tests and the test clusters.
/// Bound from the configuration section <c>SupportQueue</c> (appsettings.json, environment
/// variables such as <c>SupportQueue__Storage=PostgreSQL</c>, command line).
/// </summary>
public sealed class SupportQueueOptions
{
    public const string SectionName = "SupportQueue";

    /// <summary>Grain storage provider name every SupportQueue grain persists through.</summary>
    public const string StorageProviderName = SupportQueue.Grains.SupportQueueStorage.Name;

    public StorageKind Storage { get; set; } = StorageKind.Memory;

    /// <summary>Npgsql connection string; required when <see cref="Storage"/> is PostgreSQL.</summary>
    public string? ConnectionString { get; set; }

    public string ClusterId { get; set; } = "supportqueue";

    public string ServiceId { get; set; } = "supportqueue";

    /// <summary>Silo-to-silo port. Give every silo process on one machine its own.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Client gateway port. Give every silo process on one machine its own.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>
    /// Localhost clustering only: the silo port of the primary silo. Unset, the silo is its own
    /// primary, so a lone silo moved to other ports still forms its cluster; a second silo on the
    /// same machine sets it to the first one's <see cref="SiloPort"/>.
    /// </summary>
    public int? PrimarySiloPort { get; set; }

    /// <summary>The primary silo's port in force: <see cref="PrimarySiloPort"/>, or this silo's own.</summary>
    public int PrimaryPort => PrimarySiloPort ?? SiloPort;

    /// <summary>PostgreSQL only: apply pending schema migrations when the silo starts.</summary>
    public bool MigrateOnStart { get; set; }

    /// <summary>
    /// PostgreSQL only: how often an open ticket's durable reminder re-announces it to its desk,
    /// which bounds how long a waiting ticket stays out of a restarted desk's queues. Null keeps
    /// the grains' default (one minute). Must not be below the minimum reminder period, or every
    /// submit would be refused by the reminder service.
    /// </summary>
    public TimeSpan? ReconcilePeriod { get; set; }

    /// <summary>
    /// Orleans' floor for reminder periods. Null keeps Orleans' default (one minute), which is the
    /// right value for production: shorter periods multiply reminder-table traffic. Tests and
    /// demos lower it together with <see cref="ReconcilePeriod"/>.
    /// </summary>
    public TimeSpan? MinimumReminderPeriod { get; set; }

    /// <summary>
    /// Failure detection: how long a silo waits for another silo's answer to a health probe. Null
    /// keeps Orleans' default. With <see cref="MissedProbesLimit"/> it decides how soon a silo that
    /// died without saying goodbye is declared dead and its grains move to the survivors.
    /// </summary>
    public TimeSpan? ProbeTimeout { get; set; }

    /// <summary>Failure detection: missed probes before a silo votes another dead. Null keeps Orleans' default.</summary>
    public int? MissedProbesLimit { get; set; }

    /// <summary>
    /// Installs the desks' diagnostics extension (invariant audit, simulation journal; see
    /// <see cref="SupportQueue.Grains.IDeskDiagnostics"/>) on this silo. Off in production; test
    /// silos and silos a load test audits turn it on.
    /// </summary>
    public bool DeskDiagnostics { get; set; }

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
        if (PrimarySiloPort is { } primary)
        {
            CheckPort(errors, nameof(PrimarySiloPort), primary);
        }
        if (SiloPort == GatewayPort)
        {
            errors.Add($"{SectionName}:GatewayPort: {GatewayPort} — must differ from SiloPort");
        }

        CheckDurations(errors);

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

    /// <summary>Orleans' own default floor for reminder periods, which applies when <see cref="MinimumReminderPeriod"/> is null.</summary>
    internal static readonly TimeSpan OrleansMinimumReminderPeriod = TimeSpan.FromMinutes(1);

    private void CheckDurations(List<string> errors)
    {
        if (ReconcilePeriod is { } reconcile && reconcile <= TimeSpan.Zero)
        {
            errors.Add($"{SectionName}:ReconcilePeriod: {reconcile} — must be positive");
        }

        if (MinimumReminderPeriod is { } floor && floor <= TimeSpan.Zero)
        {
            errors.Add($"{SectionName}:MinimumReminderPeriod: {floor} — must be positive");
        }

        if (ReconcilePeriod is { } period && period > TimeSpan.Zero && period < (MinimumReminderPeriod ?? OrleansMinimumReminderPeriod))
        {
            errors.Add($"{SectionName}:ReconcilePeriod: {period} — below the minimum reminder period {MinimumReminderPeriod ?? OrleansMinimumReminderPeriod}; lower {SectionName}:MinimumReminderPeriod too");
        }

        if (ProbeTimeout is { } probe && probe <= TimeSpan.Zero)
        {
            errors.Add($"{SectionName}:ProbeTimeout: {probe} — must be positive");
        }

        if (MissedProbesLimit is { } missed && missed < 1)
        {
            errors.Add($"{SectionName}:MissedProbesLimit: {missed} — must be at least 1");
        }
    }

    private static void CheckPort(List<string> errors, string name, int port)
    {
        if (port is < 1 or > 65535)
        {
            errors.Add($"{SectionName}:{name}: {port} — must be a TCP port between 1 and 65535");
        }
    }
}
