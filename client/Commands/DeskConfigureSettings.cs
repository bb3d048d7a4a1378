using System.ComponentModel;
using Spectre.Console.Cli;

namespace SupportQueue.Client.Commands;

public sealed class DeskConfigureSettings : DeskSettingsBase
{
    [CommandArgument(1, "<settings.json>")]
    [Description("Desk settings as JSON (tiers, selection, agingStep, borrowing, escalation, sla, reservationTimeout, maxOpenTickets); see client/scenarios/desk-default.json.")]
    public string SettingsFile { get; init; } = "";
}
