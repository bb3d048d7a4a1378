using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SupportQueue.Core.History;
using SupportQueue.Core.Model;
using SupportQueue.Grains;
using SupportQueue.Json;

namespace SupportQueue.Silo.Api;

/// <summary>
/// GET /desks/{deskId}/export: the desk's recorded tickets as a ticket-history trace (CSV or JSON
/// lines), streamed one recorder hour at a time. Everything that can be refused (the window, the
/// format, an unknown desk) is refused before the first byte, as a problem naming the parameter.
/// </summary>
internal static class ExportEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/desks/{deskId}/export", Export)
            .WithTags("Desks")
            .WithName("ExportDeskHistory")
            .WithSummary("The desk's recorded tickets created in [from, to) as a ticket-history trace (csv or jsonl), streamed")
            .WithDescription(
                "from and to: UTC times with a zone (2026-11-23T08:00:00Z) or dates (midnight UTC); to after from, at most 31 days apart. " +
                "format: csv (default) or jsonl. The format is described in docs/ticket-history.md. Needs an admin key of the desk.")
            .Produces(StatusCodes.Status200OK, null, "text/csv", "application/jsonl")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<Results<PushStreamHttpResult, BadRequest<ProblemDetails>, NotFound<ProblemDetails>, Conflict<ProblemDetails>>> Export(
        string deskId, string? from, string? to, string? format, IGrainFactory grains)
    {
        if (InputChecks.Id("deskId", deskId) is { } bad)
        {
            return bad;
        }

        ExportRange range;
        TicketHistoryFormat kind;
        try
        {
            range = ExportRange.Parse(from, to);
            kind = TicketHistoryExportWriter.ParseFormat(format);
        }
        catch (SupportQueueException ex)
        {
            return TypedResults.BadRequest(Problems.Refusal(ex, "request", null));
        }

        return await Refusals.Run("deskId", deskId, async () =>
        {
            // An unknown desk is a 404 now; once streaming has begun only the connection can say something went wrong.
            _ = await grains.Desk(deskId).GetSettings();
            var name = $"{FileName(deskId)}-{range.From:yyyyMMddTHHmm}-{range.To:yyyyMMddTHHmm}.{TicketHistoryExportWriter.Extension(kind)}";
            return TypedResults.Stream(
                async body =>
                {
                    await using var writer = new StreamWriter(body, new UTF8Encoding(false), bufferSize: 16 * 1024, leaveOpen: true);
                    await TicketHistoryExportWriter.WriteAsync(DeskHistoryExport.ReadAsync(grains, deskId, range), writer, kind);
                },
                TicketHistoryExportWriter.ContentType(kind),
                name);
        });
    }

    // A download name from any desk id: letters, digits, '-' and '_' kept, anything else '_'.
    private static string FileName(string deskId) =>
        string.Concat(deskId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
}
