using System.ComponentModel;
using Spectre.Console.Cli;
using SupportQueue.LoadTests.Cli;

namespace SupportQueue.LoadTests.Commands;

/// <summary>The load options of the commands that can also drive an external cluster (run, compare).</summary>
public abstract class ClusterLoadSettings : LoadSettings
{
    [CommandOption("--gateway <PORT>")]
    [Description("External cluster on 127.0.0.1:PORT instead of in-process silos.")]
    public string? Gateway { get; init; }

    [CommandOption("--connection-string <CS>")]
    [Description("External cluster with PostgreSQL clustering.")]
    public string? ConnectionString { get; init; }

    [CommandOption("--cluster-id <ID>")]
    [Description("External: Orleans cluster id of the silos [[supportqueue]].")]
    public string? ClusterId { get; init; }

    [CommandOption("--service-id <ID>")]
    [Description("External: Orleans service id of the silos [[supportqueue]].")]
    public string? ServiceId { get; init; }

    [CommandOption("--poll-ms <N>")]
    [Description("External: agents poll for assignments every N ms [[20]].")]
    public string? PollMs { get; init; }

    protected override LoadOptions Refine(LoadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = options with
        {
            GatewayPort = Gateway is null ? null : OptionValues.Int("--gateway", Gateway, 1, 65535),
            ConnectionString = ConnectionString is null ? null : OptionValues.NonEmpty("--connection-string", ConnectionString),
            ClusterId = ClusterId is null ? null : OptionValues.NonEmpty("--cluster-id", ClusterId),
            ServiceId = ServiceId is null ? null : OptionValues.NonEmpty("--service-id", ServiceId),
            PollInterval = PollMs is null ? options.PollInterval : TimeSpan.FromMilliseconds(OptionValues.Int("--poll-ms", PollMs, 1, 10_000)),
        };
        if ((o.ClusterId ?? o.ServiceId) is not null && !o.External)
        {
            throw new UsageException("--cluster-id/--service-id: only for an external cluster (--gateway or --connection-string); in-process silos get their own ids");
        }

        if (o.GatewayPort is not null && o.ConnectionString is not null)
        {
            throw new UsageException("--gateway and --connection-string: give one or the other");
        }

        return o;
    }
}
