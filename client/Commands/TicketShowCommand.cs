using Spectre.Console.Cli;
using SupportQueue.Client.Cli;
using SupportQueue.Client.Connection;

namespace SupportQueue.Client.Commands;

/// <summary>Status, tier, agent, SLA verdicts and the full history of a ticket.</summary>
public sealed class TicketShowCommand(ISupportQueueConnector connector, CliConsoles consoles) : SupportQueueCommand<TicketShowSettings>(connector, consoles)
{
    public override async Task<int> ExecuteAsync(CommandContext context, TicketShowSettings settings, CancellationToken cancellationToken)
    {
        var api = await ConnectAsync(settings, cancellationToken);
        var view = await api.GetTicket(settings.TicketId);
        if (settings.Json)
        {
            Render.Json(Out, view);
            return ExitCodes.Ok;
        }

        Render.Ticket(Out, view.Ticket, view.Sla);
        return ExitCodes.Ok;
    }
}
