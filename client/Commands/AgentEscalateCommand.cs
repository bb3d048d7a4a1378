using Spectre.Console;
using Spectre.Console.Cli;
using SupportQueue.Client.Cli;
using SupportQueue.Client.Connection;

namespace SupportQueue.Client.Commands;

/// <summary>The agent hands a ticket it holds to a higher tier.</summary>
public sealed class AgentEscalateCommand(ISupportQueueConnector connector, CliConsoles consoles) : SupportQueueCommand<AgentEscalateSettings>(connector, consoles)
{
    public override async Task<int> ExecuteAsync(CommandContext context, AgentEscalateSettings settings, CancellationToken cancellationToken)
    {
        var api = await ConnectAsync(settings, cancellationToken);
        var (placement, view) = await api.Escalate(settings.AgentId, settings.TicketId, settings.Reason!, settings.ToTier, cancellationToken);
        Out.MarkupLine($"Ticket [bold]{Render.Esc(placement.TicketId)}[/] escalated to {Render.Esc(placement.Tier)}" +
            (placement.Reason is null ? "" : $" ({Render.Esc(placement.Reason)})") + $"; now {Render.Whereabouts(view.Ticket)}.");
        return ExitCodes.Ok;
    }
}
