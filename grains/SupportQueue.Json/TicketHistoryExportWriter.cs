using SupportQueue.Core.History;
using SupportQueue.Core.Model;

namespace SupportQueue.Json;

/// <summary>
/// Writes a stream of records as a trace while they are still being read (a desk export), in
/// chunks, through the trace's own writers (<see cref="TicketHistoryCsv"/>,
/// <see cref="TicketHistoryJsonLines"/>), so an export reads back with the trace readers.
/// </summary>
public static class TicketHistoryExportWriter
{
    private const int ChunkSize = 256;

    /// <summary>The format named by <paramref name="text"/> (csv or jsonl, any case; null is csv); a refusal names <paramref name="name"/> and the value.</summary>
    public static TicketHistoryFormat ParseFormat(string? text, string name = "format") =>
        text?.Trim().ToLowerInvariant() switch
        {
            null or "csv" => TicketHistoryFormat.Csv,
            "jsonl" or "json-lines" or "ndjson" => TicketHistoryFormat.Jsonl,
            _ => throw SupportQueueException.Invalid(name, text, "must be csv or jsonl"),
        };

    /// <summary>The media type an export in <paramref name="format"/> is sent as.</summary>
    public static string ContentType(TicketHistoryFormat format) =>
        format == TicketHistoryFormat.Jsonl ? "application/jsonl; charset=utf-8" : "text/csv; charset=utf-8";

    /// <summary>The usual file extension of <paramref name="format"/>.</summary>
    public static string Extension(TicketHistoryFormat format) => format == TicketHistoryFormat.Jsonl ? "jsonl" : "csv";

    /// <summary>Writes every record (a CSV header first, also when there are none); returns how many were written.</summary>
    public static async Task<long> WriteAsync(IAsyncEnumerable<TicketHistoryRecord> records, TextWriter writer, TicketHistoryFormat format, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(writer);
        if (format == TicketHistoryFormat.Csv)
        {
            await writer.WriteAsync(TicketHistoryCsv.Write([]).AsMemory(), cancellationToken);
        }

        var count = 0L;
        var chunk = new List<TicketHistoryRecord>(ChunkSize);
        await foreach (var record in records.WithCancellation(cancellationToken))
        {
            chunk.Add(record);
            if (chunk.Count == ChunkSize)
            {
                count += await FlushAsync(chunk, writer, format, cancellationToken);
            }
        }

        count += await FlushAsync(chunk, writer, format, cancellationToken);
        await writer.FlushAsync(cancellationToken);
        return count;
    }

    private static async Task<int> FlushAsync(List<TicketHistoryRecord> chunk, TextWriter writer, TicketHistoryFormat format, CancellationToken cancellationToken)
    {
        if (chunk.Count == 0)
        {
            return 0;
        }

        var text = format == TicketHistoryFormat.Csv ? WithoutHeader(TicketHistoryCsv.Write(chunk)) : TicketHistoryJsonLines.Write(chunk);
        await writer.WriteAsync(text.AsMemory(), cancellationToken);
        await writer.FlushAsync(cancellationToken);
        var n = chunk.Count;
        chunk.Clear();
        return n;
    }

    // The CSV writer starts every text with the header; a chunked trace has it once, at the top.
    private static string WithoutHeader(string csv) => csv[(csv.IndexOf('\n', StringComparison.Ordinal) + 1)..];
}
