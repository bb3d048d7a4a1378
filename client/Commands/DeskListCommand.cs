using Spectre.Console;
using Spectre.Console.Cli;
using SupportQueue.Client.Cli;
using SupportQueue.Client.Connection;

namespace SupportQueue.Client.Commands;

/// <summary>Every configured desk.</summary>
public sealed class DeskListCommand(ISupportQueueConnector connector, CliConsoles consoles) : SupportQueueCommand<DeskListSettings>(connector, consoles)
{
    public override async Task<int> ExecuteAsync(CommandContext context, DeskListSettings settings, CancellationToken cancellationToken)
    {
        var api = await ConnectAsync(settings, cancellationToken);
        var desks = await api.ListDesks();
        if (settings.Json)
        {
            Render.Json(Out, desks);
            return ExitCodes.Ok;
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumn("Desk");
        foreach (var desk in desks)
        {
            table.AddRow(Render.Esc(desk));
        }

        Out.Write(table);
        Out.MarkupLine($"{desks.Count} desk(s).");
        return ExitCodes.Ok;
    }
}
