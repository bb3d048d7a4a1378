using System.Collections.Immutable;
using SupportQueue.Core.History;
using SupportQueue.Json;
using SupportQueue.LoadTests.Orleans;

namespace SupportQueue.LoadTests.Cli;

/// <summary>Reads the trace of <c>run --arrivals</c>: CSV, or JSON lines for a .jsonl file; refusals name the row, field and value.</summary>
public static class ArrivalsTrace
{
    public static ImmutableArray<TicketHistoryRecord> Load(string option, string path)
    {
        if (!File.Exists(path))
        {
            throw OptionValues.Bad(option, path, "no such file");
        }

        var text = File.ReadAllText(path);
        IReadOnlyList<TicketHistoryRecord> records;
        try
        {
            // The load desk's tiers are the built-in ones: a trace naming another tier is refused here, not at submit.
            records = path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase)
                ? TicketHistoryJsonLines.Parse(text, Workload.TierNames)
                : TicketHistoryCsv.Parse(text, Workload.TierNames);
        }
        catch (TicketHistoryException ex)
        {
            throw new UsageException($"{option} {path}: {ex.Message}");
        }

        return records.Count == 0 ? throw OptionValues.Bad(option, path, "the trace holds no tickets") : [.. records];
    }

    /// <summary>When each ticket arrives in wall time from the first, at <paramref name="compression"/> simulated seconds per wall second.</summary>
    public static IEnumerable<TimeSpan> WallOffsets(ImmutableArray<TicketHistoryRecord> trace, double compression) =>
        trace.Select(r => TimeSpan.FromTicks((long)((r.Created - trace[0].Created).Ticks / compression)));
}
