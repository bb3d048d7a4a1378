using Spectre.Console;
using Spectre.Console.Cli;
using SupportQueue.Client.Api;
using SupportQueue.Client.Cli;
using SupportQueue.Client.Connection;
using SupportQueue.Core.Model;

namespace SupportQueue.Client.Commands;

/// <summary>Submits a ticket and reports where the desk queued it and who, if anyone, took it.</summary>
public sealed class TicketSubmitCommand(ISupportQueueConnector connector, CliConsoles consoles) : SupportQueueCommand<TicketSubmitSettings>(connector, consoles)
{
    public override async Task<int> ExecuteAsync(CommandContext context, TicketSubmitSettings settings, CancellationToken cancellationToken)
    {
        var spec = settings.ToSpec();
        var api = await ConnectAsync(settings, cancellationToken);
        var result = await api.SubmitTicket(spec, cancellationToken);
        WriteQueued(Out, result, "submitted to");
        return ExitCodes.Ok;
    }

    internal static void WriteQueued(IAnsiConsole console, SubmitResult result, string verb)
    {
        var ticket = result.Ticket;
        var queued = ticket.History.LastOrDefault(e => e.Kind == TicketEventKind.Queued);
        var where = queued is null ? "" : $", queued at {Render.Esc(queued.Tier)}" + (queued.Reason is null ? "" : $" ({Render.Esc(queued.Reason)})");
        console.MarkupLine($"Ticket [bold]{Render.Esc(ticket.Id)}[/] {verb} desk {Render.Esc(ticket.DeskId)} ({ticket.Priority}){where}; now {Render.Whereabouts(ticket)}.");
        if (!result.Settled)
        {
            console.MarkupLine("[yellow]The desk was still busy delivering offers; `ticket show` will tell who takes it.[/]");
        }
    }
}
