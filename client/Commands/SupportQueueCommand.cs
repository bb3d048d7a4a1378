using Spectre.Console;
using Spectre.Console.Cli;
using SupportQueue.Client.Api;
using SupportQueue.Client.Cli;
using SupportQueue.Client.Connection;

namespace SupportQueue.Client.Commands;

/// <summary>
/// Base of every command: arguments are already validated by the time it runs, and the cluster
/// is contacted only when <see cref="ConnectAsync"/> is called, after any local checks.
/// </summary>
public abstract class SupportQueueCommand<TSettings>(ISupportQueueConnector connector, CliConsoles consoles) : AsyncCommand<TSettings>
    where TSettings : ClusterCommandSettings
{
    protected IAnsiConsole Out => consoles.Out;

    protected CliConsoles Consoles => consoles;

    protected Task<SupportQueueApi> ConnectAsync(TSettings settings, CancellationToken cancellationToken) =>
        connector.ConnectAsync(settings, cancellationToken);
}
