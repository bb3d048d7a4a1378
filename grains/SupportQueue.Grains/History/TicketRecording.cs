using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Serialization;
using SupportQueue.Core.History;
using SupportQueue.Core.Model;

namespace SupportQueue.Grains;

/// <summary>
/// How a ticket grain hands its record to its desk's recorder: after its own state is stored, and
/// never at the ticket's expense. Any failure (the recorder's silo gone, a timeout) is logged and
/// swallowed; the ticket's own answer does not change.
/// </summary>
internal static partial class TicketRecording
{
    public static async Task RecordAsync(this IGrainBase grain, Ticket ticket, ILogger logger)
    {
        var services = grain.GrainContext.ActivationServices;
        var options = services.GetRequiredService<IOptions<TicketRecorderOptions>>().Value;
        if (!options.Enabled)
        {
            return;
        }

        try
        {
            var record = TicketHistoryBuilder.Build(ticket);
            var encoded = services.GetRequiredService<Serializer<TicketHistoryRecord>>().Encode(record);
            var recorder = services.GetRequiredService<IGrainFactory>().TicketRecorder(ticket.DeskId, record.Created);
            await (options.WaitForRecorder ? recorder.Record(encoded) : recorder.Post(encoded));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogRecordFailed(logger, ex, ticket.Id, ticket.DeskId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ticket {TicketId}: its record did not reach desk {DeskId}'s recorder; the ticket is unaffected")]
    private static partial void LogRecordFailed(ILogger logger, Exception ex, string ticketId, string deskId);
}
