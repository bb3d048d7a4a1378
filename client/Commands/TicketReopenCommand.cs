using Spectre.Console.Cli;
using SupportQueue.Client.Cli;
using SupportQueue.Client.Connection;

namespace SupportQueue.Client.Commands;

/// <summary>A resolved ticket comes back and is queued again.</summary>
public sealed class TicketReopenCommand(ISupportQueueConnector connector, CliConsoles consoles) : SupportQueueCommand<TicketReasonSettings>(connector, consoles)
{
    public override async Task<int> ExecuteAsync(CommandContext context, TicketReasonSettings settings, CancellationToken cancellationToken)
    {
        var api = await ConnectAsync(settings, cancellationToken);
        var result = await api.Reopen(settings.TicketId, settings.Reason ?? "", cancellationToken);
        TicketSubmitCommand.WriteQueued(Out, result, "reopened on");
        return ExitCodes.Ok;
    }
}
