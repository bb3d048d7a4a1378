using Spectre.Console;
using Spectre.Console.Cli;
using SupportQueue.Client.Cli;
using SupportQueue.Client.Connection;

namespace SupportQueue.Client.Commands;

/// <summary>The customer withdraws a waiting ticket.</summary>
public sealed class TicketAbandonCommand(ISupportQueueConnector connector, CliConsoles consoles) : SupportQueueCommand<TicketReasonSettings>(connector, consoles)
{
    public override async Task<int> ExecuteAsync(CommandContext context, TicketReasonSettings settings, CancellationToken cancellationToken)
    {
        var api = await ConnectAsync(settings, cancellationToken);
        var view = await api.Abandon(settings.TicketId, settings.Reason ?? "");
        Out.MarkupLine($"Ticket [bold]{Render.Esc(view.Ticket.Id)}[/] abandoned (was waiting at {Render.Esc(view.Ticket.Tier)}).");
        return ExitCodes.Ok;
    }
}
