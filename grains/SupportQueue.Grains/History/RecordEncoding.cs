using System.Collections.Immutable;
using Orleans.Serialization;
using SupportQueue.Core.History;

namespace SupportQueue.Grains;

/// <summary>
/// Records travel and rest encoded: the ticket encodes its record once (Orleans' version-tolerant
/// format), and the recorder's buffer, open page and sealed pages hold those bytes as they came.
/// Writing a page then copies bytes instead of walking a thousand object graphs on every flush,
/// and the records the recorder holds are leaf arrays the garbage collector never has to trace
/// (measured: re-serialising record objects on each write was the largest single cost of a live
/// silo at 2,000 tickets/s). Only exports decode.
/// </summary>
internal static class RecordEncoding
{
    public static byte[] Encode(this Serializer<TicketHistoryRecord> serializer, TicketHistoryRecord record) =>
        serializer.SerializeToArray(record);

    /// <summary>Decodes the <paramref name="encoded"/> runs of records, in order.</summary>
    public static ImmutableArray<TicketHistoryRecord> Decode(
        this Serializer<TicketHistoryRecord> serializer,
        params IReadOnlyCollection<byte[]>[] encoded)
    {
        var records = ImmutableArray.CreateBuilder<TicketHistoryRecord>(encoded.Sum(e => e.Count));
        foreach (var part in encoded)
        {
            foreach (var bytes in part)
            {
                records.Add(serializer.Deserialize(bytes) ?? throw new InvalidDataException("A stored ticket record decodes to nothing."));
            }
        }

        return records.MoveToImmutable();
    }
}
