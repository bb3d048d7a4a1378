using System.Collections.Immutable;
using SupportQueue.Core.History;
using SupportQueue.Core.Simulation;
using SupportQueue.Json;

namespace SupportQueue.LoadTests.Cli;

/// <summary>
/// <c>run --arrivals FILE</c>: the scenario set up to replay a recorded ticket-history trace
/// (<see cref="ArrivalReplay"/>, as <c>simulate --arrivals</c> does), so the live run submits the
/// recorded tickets at their recorded times, compressed, with recorded handling where known.
/// </summary>
public static class ArrivalsTrace
{
    /// <summary>Reads the trace (CSV, or JSON lines for .jsonl) against the scenario's tiers; refusals name the row, field and value.</summary>
    public static Scenario Replay(Scenario scenario, string option, string path)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var text = OptionValues.ReadFile(option, path, "no such file");
        var tiers = scenario.Desk.Tiers.Select(t => t.Name).ToImmutableArray();
        IReadOnlyList<TicketHistoryRecord> trace;
        try
        {
            trace = path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase)
                ? TicketHistoryJsonLines.Parse(text, tiers)
                : TicketHistoryCsv.Parse(text, tiers);
        }
        catch (TicketHistoryException ex)
        {
            throw new UsageException($"{option} {path}: {ex.Message}");
        }

        if (trace.Count == 0)
        {
            throw OptionValues.Bad(option, path, "the trace holds no tickets");
        }

        var replay = ArrivalReplay.Prepare(scenario, trace);
        return ArrivalReplay.Validate(replay) is { Count: > 0 } errors
            ? throw new UsageException($"{option} {path}: " + string.Join("; ", errors))
            : replay;
    }

    /// <summary>The trace's mean arrivals per simulated second over the replayed days (what --rate is scaled against).</summary>
    public static double MeanArrivalsPerSecond(Scenario replay)
    {
        ArgumentNullException.ThrowIfNull(replay);
        return replay.Arrivals.Length / replay.Horizon.TotalSeconds;
    }
}
