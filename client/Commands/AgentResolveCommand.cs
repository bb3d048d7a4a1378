using Spectre.Console;
using Spectre.Console.Cli;
using SupportQueue.Client.Cli;
using SupportQueue.Client.Connection;

namespace SupportQueue.Client.Commands;

/// <summary>The agent finished a ticket it holds.</summary>
public sealed class AgentResolveCommand(ISupportQueueConnector connector, CliConsoles consoles) : SupportQueueCommand<AgentResolveSettings>(connector, consoles)
{
    public override async Task<int> ExecuteAsync(CommandContext context, AgentResolveSettings settings, CancellationToken cancellationToken)
    {
        var api = await ConnectAsync(settings, cancellationToken);
        var view = await api.Resolve(settings.AgentId, settings.TicketId);
        Out.MarkupLine($"Ticket [bold]{Render.Esc(view.Ticket.Id)}[/] resolved by {Render.Esc(settings.AgentId)} at {Render.Esc(view.Ticket.Tier)}; " +
            $"SLA resolution {Render.Verdict(view.Sla.ResolutionMet, view.Ticket.ResolutionTarget)}.");
        return ExitCodes.Ok;
    }
}
