using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace SupportQueue.Client.Cli;

/// <summary>
/// Options every command takes: where the cluster is. Without <c>--embedded</c> the CLI connects
/// to the configured cluster and fails fast when none answers; it never silently starts a silo
/// of its own, because that silo's state would vanish when the command exits.
/// </summary>
public class ClusterCommandSettings : CommandSettings
{
    [CommandOption("--embedded")]
    [Description("Run against a private in-process silo instead of a cluster (its state is lost on exit).")]
    public bool Embedded { get; init; }

    [CommandOption("--cluster <KIND>")]
    [Description("localhost or postgres (default: SupportQueue:Storage, else localhost).")]
    public string? Cluster { get; init; }

    [CommandOption("--gateway <PORT>")]
    [Description("Gateway port for localhost (default: SupportQueue:GatewayPort, else 30000).")]
    public string? Gateway { get; init; }

    [CommandOption("--connection-string <CONNECTION>")]
    [Description("Npgsql connection string for postgres (default: SupportQueue:ConnectionString).")]
    public string? ConnectionString { get; init; }

    [CommandOption("--connect-timeout <SECONDS>")]
    [Description("Seconds to wait for the cluster before giving up.")]
    [DefaultValue("5")]
    public string ConnectTimeoutSeconds { get; init; } = "5";

    [CommandOption("--verbose")]
    [Description("Show Orleans warnings and errors on stderr.")]
    public bool Verbose { get; init; }

    public TimeSpan ConnectTimeout => CliParsing.CheckSeconds("--connect-timeout", ConnectTimeoutSeconds, 600, out var timeout) is null ? timeout : TimeSpan.FromSeconds(5);

    /// <summary>
    /// Whether the command starts an in-process silo when no cluster is named on the command line
    /// or in configuration. Live commands need the cluster whose state they change; a simulation
    /// only needs somewhere to run, so it defaults to its own silo.
    /// </summary>
    public virtual bool EmbeddedWhenNoCluster => false;

    /// <summary>A cluster was named on the command line.</summary>
    public bool NamesCluster => Cluster is not null || Gateway is not null || ConnectionString is not null;

    public int? GatewayPort => Gateway is null ? null : CliParsing.CheckInt("--gateway", Gateway, 1, 65535, out var port) is null ? port : null;

    public override ValidationResult Validate()
    {
        if (Cluster is not null && !Cluster.Equals("localhost", StringComparison.OrdinalIgnoreCase) && !Cluster.Equals("postgres", StringComparison.OrdinalIgnoreCase))
        {
            return Fail(CliParsing.Error("--cluster", Cluster, "must be localhost or postgres"));
        }

        if (Gateway is not null && CliParsing.CheckInt("--gateway", Gateway, 1, 65535, out _) is { } gatewayError)
        {
            return Fail(gatewayError + " (a TCP port)");
        }

        if (CliParsing.CheckSeconds("--connect-timeout", ConnectTimeoutSeconds, 600, out _) is { } timeoutError)
        {
            return Fail(timeoutError);
        }

        if (Embedded && (Cluster is not null || Gateway is not null || ConnectionString is not null))
        {
            return Fail("--embedded: starts its own silo, so it cannot be combined with --cluster, --gateway or --connection-string");
        }

        return ValidateCommand();
    }

    /// <summary>Checks of the command's own arguments; runs after the cluster options passed.</summary>
    protected virtual ValidationResult ValidateCommand() => ValidationResult.Success();

    /// <summary>The first error, or success when there is none.</summary>
    protected static ValidationResult FirstError(params string?[] errors)
    {
        foreach (var error in errors)
        {
            if (error is not null)
            {
                return Fail(error);
            }
        }

        return ValidationResult.Success();
    }

    protected static ValidationResult Fail(string message) => ValidationResult.Error(message);
}
