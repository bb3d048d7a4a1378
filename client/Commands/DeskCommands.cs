using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using SupportQueue.Client.Cli;
using SupportQueue.Client.Connection;
using SupportQueue.Json;

namespace SupportQueue.Client.Commands;

public class DeskSettingsBase : ClusterCommandSettings
{
    [CommandArgument(0, "<deskId>")]
    [Description("The desk's id.")]
    public string DeskId { get; init; } = "";

    protected override ValidationResult ValidateCommand() => FirstError(CliParsing.CheckId("deskId", DeskId));
}

public sealed class DeskConfigureSettings : DeskSettingsBase
{
    [CommandArgument(1, "<settings.json>")]
    [Description("Desk settings as JSON (tiers, selection, agingStep, borrowing, escalation, sla, reservationTimeout, maxOpenTickets); see client/scenarios/desk-default.json.")]
    public string SettingsFile { get; init; } = "";
}

/// <summary>Creates or reconfigures a desk from a settings file checked entirely on this side first.</summary>
public sealed class DeskConfigureCommand(ISupportQueueConnector connector, CliConsoles consoles) : SupportQueueCommand<DeskConfigureSettings>(connector, consoles)
{
    public override async Task<int> ExecuteAsync(CommandContext context, DeskConfigureSettings settings, CancellationToken cancellationToken)
    {
        var loaded = DeskSettingsJson.LoadFile(settings.SettingsFile);
        if (!loaded.IsValid)
        {
            Consoles.WriteErrors($"{settings.SettingsFile}: invalid desk settings, nothing was sent", loaded.Errors);
            return ExitCodes.BadInput;
        }

        var api = await ConnectAsync(settings, cancellationToken);
        var applied = await api.ConfigureDesk(settings.DeskId, loaded.Value!);
        Out.MarkupLine($"Desk [bold]{Render.Esc(settings.DeskId)}[/] configured: tiers {Render.Esc(string.Join(" → ", applied.Tiers.Select(t => t.Name)))}, " +
            $"selection {applied.Selection}, {applied.Escalation.Length} escalation rule(s), {applied.Sla.Length} SLA target(s).");
        return ExitCodes.Ok;
    }
}

public sealed class DeskStatusSettings : DeskSettingsBase
{
    [CommandOption("--json")]
    [Description("Write JSON instead of tables (with --watch, one line per refresh).")]
    public bool Json { get; init; }

    [CommandOption("--watch")]
    [Description("Refresh until Ctrl+C.")]
    public bool Watch { get; init; }

    [CommandOption("--interval <SECONDS>")]
    [Description("Seconds between refreshes with --watch.")]
    [DefaultValue("2")]
    public string IntervalSeconds { get; init; } = "2";

    [CommandOption("--count <N>")]
    [Description("With --watch: stop after N refreshes (default: until Ctrl+C).")]
    public string? Count { get; init; }

    protected override ValidationResult ValidateCommand() => FirstError(
        CliParsing.CheckId("deskId", DeskId),
        CliParsing.CheckSeconds("--interval", IntervalSeconds, 3600, out _),
        Count is null ? null : CliParsing.CheckInt("--count", Count, 1, int.MaxValue, out _));
}

/// <summary>Live counters of a desk: queues and pools per tier, SLA per priority, totals; --watch refreshes them.</summary>
public sealed class DeskStatusCommand(ISupportQueueConnector connector, CliConsoles consoles) : SupportQueueCommand<DeskStatusSettings>(connector, consoles)
{
    public override async Task<int> ExecuteAsync(CommandContext context, DeskStatusSettings settings, CancellationToken cancellationToken)
    {
        var api = await ConnectAsync(settings, cancellationToken);
        CliParsing.CheckSeconds("--interval", settings.IntervalSeconds, 3600, out var interval);
        var left = settings.Count is null ? int.MaxValue : int.Parse(settings.Count, System.Globalization.CultureInfo.InvariantCulture);
        while (true)
        {
            var status = await api.GetDeskStatus(settings.DeskId);
            if (settings.Json)
            {
                Render.Json(Out, status, indented: !settings.Watch);
            }
            else
            {
                if (settings.Watch && Out.Profile.Capabilities.Interactive)
                {
                    Out.Clear(home: true);
                }

                Render.Desk(Out, status);
            }

            if (!settings.Watch || --left == 0)
            {
                return ExitCodes.Ok;
            }

            try
            {
                await Task.Delay(interval, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C ends a watch; it is how a watch is meant to stop.
                return ExitCodes.Ok;
            }
        }
    }
}

public sealed class DeskListSettings : ClusterCommandSettings
{
    [CommandOption("--json")]
    [Description("Write JSON instead of a table.")]
    public bool Json { get; init; }
}

/// <summary>Every configured desk.</summary>
public sealed class DeskListCommand(ISupportQueueConnector connector, CliConsoles consoles) : SupportQueueCommand<DeskListSettings>(connector, consoles)
{
    public override async Task<int> ExecuteAsync(CommandContext context, DeskListSettings settings, CancellationToken cancellationToken)
    {
        var api = await ConnectAsync(settings, cancellationToken);
        var desks = await api.ListDesks();
        if (settings.Json)
        {
            Render.Json(Out, desks);
            return ExitCodes.Ok;
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumn("Desk");
        foreach (var desk in desks)
        {
            table.AddRow(Render.Esc(desk));
        }

        Out.Write(table);
        Out.MarkupLine($"{desks.Count} desk(s).");
        return ExitCodes.Ok;
    }
}
