using Spectre.Console;

namespace SupportQueue.Client.Simulation;

/// <summary>The console summary of a run: the same tables as the HTML page, minus the charts and the full plan.</summary>
public static class SimulationConsole
{
    public static void Render(IAnsiConsole console, SimulationResults results)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(results);
        var colour = results.Verdict switch
        {
            ObjectiveVerdict.Met => "green",
            ObjectiveVerdict.Missed => "red",
            _ => "yellow",
        };
        console.MarkupLine($"[{colour}]{Markup.Escape(SimulationTables.Objective(results))}[/]");
        console.WriteLine();
        Write(console, SimulationTables.Tiers(results));
        Write(console, SimulationTables.Priorities(results));
        if (SimulationTables.ErlangComparison(results) is { } erlang)
        {
            Write(console, erlang);
        }

        Write(console, SimulationTables.StaffingPeaks(results));
    }

    public static void Write(IAnsiConsole console, TextTable table)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(table);
        var t = new Table().Title(Markup.Escape(table.Title)).Border(TableBorder.Rounded);
        for (var i = 0; i < table.Headers.Count; i++)
        {
            var column = new TableColumn(Markup.Escape(table.Headers[i]));
            t.AddColumn(i == 0 ? column : column.RightAligned());
        }

        foreach (var row in table.Rows)
        {
            t.AddRow([.. row.Select(Markup.Escape)]);
        }

        console.Write(t);
    }
}
