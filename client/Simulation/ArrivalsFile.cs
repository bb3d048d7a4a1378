using Spectre.Console;
using SupportQueue.Client.Cli;
using SupportQueue.Core.History;
using SupportQueue.Core.Model;
using SupportQueue.Core.Simulation;
using SupportQueue.Json;

namespace SupportQueue.Client.Simulation;

/// <summary>Reads a ticket-history file for <c>simulate --arrivals</c> and <c>scenario fit</c>: CSV, or JSON lines by extension.</summary>
public static class ArrivalsFile
{
    /// <summary>Reads and checks the file; null on success, else every problem as a line.</summary>
    /// <param name="argument">The option or argument that named the file, for the messages.</param>
    /// <param name="path">The file.</param>
    /// <param name="desk">The desk whose tiers the trace must name; null: any tier names.</param>
    /// <param name="trace">The records, in time order.</param>
    public static IReadOnlyList<string>? Read(string argument, string path, DeskSettings? desk, out IReadOnlyList<TicketHistoryRecord> trace)
    {
        trace = [];
        var (text, error) = TextFile.Read(path, argument);
        if (text is null)
        {
            return [error!];
        }

        var tiers = desk?.Tiers.Select(t => t.Name).ToList();
        try
        {
            var jsonLines = Path.GetExtension(path).ToLowerInvariant() is ".jsonl" or ".ndjson";
            trace = jsonLines ? TicketHistoryJsonLines.Parse(text, tiers) : TicketHistoryCsv.Parse(text, tiers);
        }
        catch (TicketHistoryException ex)
        {
            return [.. ex.Errors.Select(e => e.ToString())];
        }

        return trace.Count == 0 ? [$"{path}: no tickets in the file"] : null;
    }

    /// <summary>Prints which source each quantity of a replay comes from.</summary>
    public static void RenderSources(IAnsiConsole console, Scenario replay)
    {
        var table = new Table().Title("Replay: where each quantity comes from").AddColumn("Quantity").AddColumn("Source");
        foreach (var (quantity, source) in ArrivalReplay.Sources(replay))
        {
            table.AddRow(Render.Esc(quantity), Render.Esc(source));
        }

        console.Write(table);
        console.MarkupLine($"Replay period: {Render.Esc(ReportFormat.Time(replay.Start))} + {Render.Esc(ReportFormat.Duration(replay.Horizon))} (whole days covering the trace; no warm-up)");
    }
}
