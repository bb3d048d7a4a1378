using Spectre.Console;
using SupportQueue.Client.Simulation;
using SupportQueue.Core.Planning;

namespace SupportQueue.Client.Planning;

/// <summary>The console summary of a plan: the report's headline figures and tables, without the pictures and the full roster.</summary>
public static class PlanConsole
{
    public const int MissingRows = 10;

    public static void Render(IAnsiConsole console, PlanResult result)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(result);
        var missed = result.Intervals.Count(r => r.Counted && r.InTemplateHours && r.Verdict == IntervalVerdict.Missed);
        var colour = missed == 0 ? "green" : "yellow";
        console.MarkupLine($"[{colour}]{Markup.Escape(PlanTables.Verdict(result))}[/]");
        console.MarkupLine(Markup.Escape(PlanTables.Cost(result)));
        console.MarkupLine(Markup.Escape(PlanTables.Requirement(result)));
        console.WriteLine();
        SimulationConsole.Write(console, PlanTables.Tiers(result));
        SimulationConsole.Write(console, PlanTables.Rosters(result));
        SimulationConsole.Write(console, PlanTables.Verification(result));
        if (!result.Missing.IsDefaultOrEmpty)
        {
            console.MarkupLine(Markup.Escape(PlanTables.MissSummary(result)));
            SimulationConsole.Write(console, PlanTables.Missing(result, MissingRows));
        }

        SimulationConsole.Write(console, PlanTables.Phases(result));
        console.MarkupLine($"Roster: {PlanShift.Merge(result.Roster, result.Tiers).Count} shift line(s); see roster.csv.");
    }
}
