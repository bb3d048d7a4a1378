using System.Text;
using Spectre.Console;
using Spectre.Console.Cli;
using SupportQueue.Client.Cli;
using SupportQueue.Client.Connection;
using SupportQueue.Core.History;
using SupportQueue.Grains;
using SupportQueue.Json;

namespace SupportQueue.Client.Commands;

/// <summary>
/// Writes a desk's recorded tickets as a ticket-history trace, the input of <c>simulate --arrivals</c>
/// and <c>loadtests run --arrivals</c>. The trace goes to standard output (or --out); the count goes to standard error.
/// </summary>
public sealed class DeskExportCommand(ISupportQueueConnector connector, CliConsoles consoles) : SupportQueueCommand<DeskExportSettings>(connector, consoles)
{
    public override async Task<int> ExecuteAsync(CommandContext context, DeskExportSettings settings, CancellationToken cancellationToken)
    {
        var range = ExportRange.Parse(settings.From, settings.To, "--from", "--to");
        var format = TicketHistoryExportWriter.ParseFormat(settings.Format, "--format");
        var api = await ConnectAsync(settings, cancellationToken);

        // An unknown desk is refused before any file is created.
        _ = await api.GetDeskSettings(settings.DeskId);
        var dropped = 0L;
        var records = DeskHistoryExport.ReadAsync(api.Grains, settings.DeskId, range, d => dropped += d, cancellationToken);
        long written;
        if (settings.Out is { } path)
        {
            // Written beside the target and moved into place: a failed export leaves no half file.
            var partial = path + ".partial";
            try
            {
                await using (var file = new StreamWriter(partial, append: false, new UTF8Encoding(false)))
                {
                    written = await TicketHistoryExportWriter.WriteAsync(records, file, format, cancellationToken);
                }

                File.Move(partial, path, overwrite: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Consoles.WriteError(CliParsing.WriteFailed("--out", path, ex));
                return ExitCodes.BadInput;
            }
        }
        else
        {
            written = await TicketHistoryExportWriter.WriteAsync(records, Out.Profile.Out.Writer, format, cancellationToken);
        }

        Consoles.Error.MarkupLine(
            $"{written} ticket(s) of desk {Render.Esc(settings.DeskId)} created {range.From:yyyy-MM-dd'T'HH:mm:ss'Z'} … {range.To:yyyy-MM-dd'T'HH:mm:ss'Z'}" +
            (settings.Out is null ? "" : $" written to {Render.Esc(settings.Out)}") + ".");
        if (dropped > 0)
        {
            Consoles.Error.MarkupLine($"[yellow]warning:[/] the recorder turned away {dropped} record(s) in this window because a desk-hour was full; those tickets are missing.");
        }

        return ExitCodes.Ok;
    }
}
