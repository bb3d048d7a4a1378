using Spectre.Console;
using Spectre.Console.Cli;
using SupportQueue.Client.Cli;
using SupportQueue.Client.Connection;
using SupportQueue.Json;

namespace SupportQueue.Client.Commands;

/// <summary>Creates or reconfigures a desk from a settings file checked entirely on this side first.</summary>
public sealed class DeskConfigureCommand(ISupportQueueConnector connector, CliConsoles consoles) : SupportQueueCommand<DeskConfigureSettings>(connector, consoles)
{
    public override async Task<int> ExecuteAsync(CommandContext context, DeskConfigureSettings settings, CancellationToken cancellationToken)
    {
        var loaded = DeskSettingsJson.LoadFile(settings.SettingsFile, "settings.json");
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
