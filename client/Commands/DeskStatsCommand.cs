using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using SupportQueue.Client.Cli;
using SupportQueue.Client.Connection;
using SupportQueue.Core.Cumulative;

namespace SupportQueue.Client.Commands;

/// <summary>A desk's cumulative statistics, today and the last hour: offered, answered, abandoned, service level, ASA, per tier and priority.</summary>
public sealed class DeskStatsCommand(ISupportQueueConnector connector, CliConsoles consoles) : SupportQueueCommand<DeskStatsSettings>(connector, consoles)
{
    public override async Task<int> ExecuteAsync(CommandContext context, DeskStatsSettings settings, CancellationToken cancellationToken)
    {
        var api = await ConnectAsync(settings, cancellationToken);
        var report = await api.GetDeskStatistics(settings.DeskId);
        if (settings.Json)
        {
            Render.Json(Out, report);
            return ExitCodes.Ok;
        }

        Out.MarkupLine($"[bold]Desk {Render.Esc(settings.DeskId)}[/] at {Render.Time(report.At)}; service-level target {Percent(report.ServiceLevelTarget)}");
        Write(Out, $"Today (since midnight {Render.Esc(report.TimeZone)})", report.Today, report.ServiceLevelTarget);
        Write(Out, "Last hour", report.LastHour, report.ServiceLevelTarget);
        Out.MarkupLine("Service level = answered within the first-response target ÷ (answered + abandoned); ASA = mean wait to the first response.");
        return ExitCodes.Ok;
    }

    private static void Write(IAnsiConsole console, string title, StatisticsWindow window, double target)
    {
        var table = new Table().Title(title).Border(TableBorder.Rounded)
            .AddColumn("").AddColumn("Offered", c => c.RightAligned()).AddColumn("Answered", c => c.RightAligned())
            .AddColumn("Within target", c => c.RightAligned()).AddColumn("Abandoned", c => c.RightAligned())
            .AddColumn("Service level", c => c.RightAligned()).AddColumn("ASA", c => c.RightAligned());
        foreach (var tier in window.Tiers)
        {
            Row(table, Render.Esc(tier.Tier), tier, target);
        }

        foreach (var priority in window.Priorities)
        {
            Row(table, priority.Priority.ToString()!, priority, target);
        }

        Row(table, "[bold]total[/]", window.Total, target);
        console.Write(table);
    }

    private static void Row(Table table, string name, StatisticsFigures f, double target) => table.AddRow(
        name,
        N(f.Offered),
        N(f.Answered),
        N(f.AnsweredWithinTarget),
        N(f.Abandoned),
        f.ServiceLevel is not { } level ? "-" : level >= target ? Percent(level) : $"[red]{Percent(level)}[/]",
        Render.Duration(f.AverageSpeedOfAnswer));

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Percent(double value) => (value * 100).ToString("0.#", CultureInfo.InvariantCulture) + " %";
}
