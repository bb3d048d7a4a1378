using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using SupportQueue.Client.Cli;

namespace SupportQueue.Client.Commands;

public class TicketSettingsBase : ClusterCommandSettings
{
    [CommandArgument(0, "<ticketId>")]
    [Description("The ticket's id.")]
    public string TicketId { get; init; } = "";

    protected override ValidationResult ValidateCommand() => FirstError(CliParsing.CheckId("ticketId", TicketId));
}
