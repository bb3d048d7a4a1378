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

public sealed class DeskStatusSettings : DeskSettingsBase;

/// <summary>Live counters of a desk: queues and pools per tier, SLA per priority, totals.</summary>
public sealed class DeskStatusCommand(ISupportQueueConnector connector, CliConsoles consoles) : SupportQueueCommand<DeskStatusSettings>(connector, consoles)
{
    public override async Task<int> ExecuteAsync(CommandContext context, DeskStatusSettings settings, CancellationToken cancellationToken)
    {
        var api = await ConnectAsync(settings, cancellationToken);
        Render.Desk(Out, await api.GetDeskStatus(settings.DeskId));
        return ExitCodes.Ok;
    }
}
